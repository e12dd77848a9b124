value = 1
def modify(value):
    value = value + 100
    return value
print(modify(5), value)
