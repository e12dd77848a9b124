def f(a, b):
    pass
for call in [lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, c=2), lambda: f(1, a=2), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print(e)
