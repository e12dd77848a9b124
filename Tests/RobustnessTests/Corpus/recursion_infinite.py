# expect: RecursionError at 3:12
def f(n):
    return f(n + 1)
f(0)
