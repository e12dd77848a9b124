fs = [lambda x, n=n: x ** n for n in range(4)]
print([f(2) for f in fs])
key = lambda item: (item[1], item[0])
print(sorted([('b', 1), ('a', 1), ('c', 0)], key=key))
print((lambda a, b=10, *c, **d: (a, b, c, d))(1, 2, 3, e=4))
