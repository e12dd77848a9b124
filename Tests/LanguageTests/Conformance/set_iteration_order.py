# Sets of numbers iterate in CPython's hash-table order.
print({3, 1, 2}, {10, 1, 100}, {8, 0, 16, 24}, {-1, -2, 5}, {7, 15, 23, 31, 39})
print(set([100, 50, 25, 12, 6, 3]), {x * 7 for x in range(12)})
print({2.5, 1.5, 0.5}, {1.0, 3, 2.0}, {True, 2, 0.5})
print({(1, 2), (3, 4), (0, 0)}, list({-5, 5, 1000, 64}))
s = set()
for n in [40, 8, 33, 1, 17, 100, 9, 64, 0, 3]:
    s.add(n)
    print(s)
for n in [8, 33, 100]:
    s.remove(n)
s.add(72)
s.add(5)
print(s, len(s))
big = set(range(0, 300, 7))
print(big)
print(set(range(50, 0, -3)))
t = {5, 13, 21, 29}
print(t.pop(), t.pop(), t)
t.clear()
t.add(11)
print(t)
a = {1, 2, 3, 40, 17, 9}
b = {3, 40, 99, 1000, 9}
print(a | b, a & b, a - b, b - a, a ^ b, b ^ a)
print(a.union([64, 2, 128]), a.intersection([9, 3, 17]), a.difference([1], [2]))
print(a.symmetric_difference([2, 77]), a.copy(), set(a), sorted(a) == sorted(a.copy()))
c = set(range(5))
c.update({32, 64, 8})
print(c)
c |= {200, 13}
print(c)
c &= {0, 64, 13, 200, 7}
print(c)
c -= {64}
print(c)
c ^= {1, 13}
print(c)
alias = c
alias |= {9}
print(c is alias, c)
print({n % 5 for n in [12, 7, 9, 3]}, frozen if (frozen := {9, 1}) else None)
print({1 << 40, 1 << 20, 1 << 10, 1 << 30}, {1e20, 0.25, -3.0})
