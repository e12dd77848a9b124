# indexing, membership and reversal of huge ranges without building them
smallest = -9223372036854775807 - 1
largest = 9223372036854775807
r = range(smallest, largest, 3)
print(len(r), r[-1], r[len(r) // 2], r[0])
print(largest - 3 in r, largest - 2 in r, smallest in r, 0 in r)
print(r[::2], r[5:2], r[len(r) - 1:])
print(len(range(0, largest, 2)[::1]), range(10)[::smallest], list(range(10)[::-3]))
print(list(range(5, smallest, smallest)), len(range(5, smallest, smallest)))
print(10 in range(0, 20, smallest), list(reversed(range(largest - 7, largest, 3))))
print(next(reversed(range(10**18))), range(10**18)[-1], 10**17 in range(10**18))
print(type(reversed(range(3))).__name__, list(reversed(range(0))))
try:
    len(range(smallest, largest))
except OverflowError as error:
    print("OverflowError:", error)
print("abc"[1::largest], [1, 2, 3][1::largest], "abc"[::smallest], (1, 2, 3)[-1::-largest])
