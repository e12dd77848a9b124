# A function called by its global name keeps running correctly when the
# name is rebound or deleted during the call.
def f(x):
    return "old f got " + str(x)


def rebind():
    global f
    f = lambda x: "new f got " + str(x)
    return 1


print(f(rebind()))
print(f(2))


def g(n, step=3):
    global g
    g = None
    junk = [str(i) * 3 for i in range(200)]
    return n + step + len(junk)


print(g(1))
print(g)


def h(n):
    global h
    del h
    return [n * k for k in range(4)]


print(h(2))
try:
    h(3)
except NameError as e:
    print("NameError:", e)


def countdown(n):
    if n == 0:
        return "done"
    if n == 3:
        saved = countdown
        globals_rebind()
        return saved(n - 1) + " via saved"
    return countdown(n - 1)


def globals_rebind():
    global countdown
    countdown = lambda n: "replaced at " + str(n)


print(countdown(5))
print(countdown(5))


def outer(n):
    def inner(m, extra=100):
        return m + extra + n
    return inner(1) + inner(2, 3)


print(outer(10))
limit = 0


def deep(n):
    global limit
    limit = n
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError:", e, limit > 900)
