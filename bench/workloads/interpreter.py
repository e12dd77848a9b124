# The interpreter's own speed: a plain loop and recursive calls.
import time

start = time.perf_counter()
s = 0
for i in range(10_000_000):
    s += i
print("RESULT loop_10M", time.perf_counter() - start)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

start = time.perf_counter()
fib(25)
print("RESULT fib_25", time.perf_counter() - start)
