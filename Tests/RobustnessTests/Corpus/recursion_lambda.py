# expect: RecursionError at 2:15
f = lambda n: f(n)
f(1)
