# Calls reuse their frames: nested, failed and rebound calls stay correct.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(fib(7)))


def depth(n):
    if n == 0:
        raise ValueError("bottom")
    return depth(n - 1)


for attempt in range(3):
    try:
        depth(50)
    except ValueError as e:
        print("caught", e, attempt)
print(fib(15))


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError:
    print("recursion")
print(fib(10))


def pair(a, b=10):
    return a * b


print(pair(3), pair(3, 4), pair(pair(2), pair(1, 1)))


def keep(n):
    x = [n]
    if n > 0:
        keep(n - 1)
    return x


print(keep(3))


def maybe(flag):
    if flag:
        y = 1
    return y


print(maybe(True))
try:
    maybe(False)
except UnboundLocalError as e:
    print("unbound:", e)


def grade(x):
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "big"


print([grade(v) for v in (-1, 0, 5, 50)])
fib_alias = fib


def fib(n):
    return -n


print(fib_alias(5))
