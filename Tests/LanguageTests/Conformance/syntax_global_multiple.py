def setup():
    global p, q
    p, q = 1, 2
setup()
print(p, q)
