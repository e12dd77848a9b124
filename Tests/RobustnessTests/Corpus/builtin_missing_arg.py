# expect: TypeError at 4:1
def f(a, b):
    return a
f(1)
