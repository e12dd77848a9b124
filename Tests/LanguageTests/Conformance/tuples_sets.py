t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], len(t), 2 in t, t + (4,), t * 2)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (1,) < (1, 0))
s = {3, 1, 2}
s.add(4)
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 2 in s)
a = {1, 2, 3}
b = {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(set([1, 1, 2, 2])), {1, 2} == {2, 1}, {1} <= {1, 2})
x, y, z = t[:3]
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
(p, q), r = (1, 2), 3
print(p, q, r)
