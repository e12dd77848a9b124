rate = 0.1
def set_rate(r):
    global rate
    rate = r
def get_rate():
    return rate
set_rate(0.01)
print(rate, get_rate())
