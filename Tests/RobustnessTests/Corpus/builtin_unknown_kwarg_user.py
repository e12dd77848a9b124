# expect: TypeError at 4:1
def f(a):
    return a
f(b=1)
