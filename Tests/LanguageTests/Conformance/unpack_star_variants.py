a, *b = 'xyz'
*c, d = [1]
e, *f, g = range(5)
print(a, b, c, d, e, f, g)
(h, i), *j = [(1, 2), (3, 4), (5, 6)]
print(h, i, j)
