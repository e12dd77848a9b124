def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(20))
s = 0
for i in range(100000):
    s += i
print(s)
