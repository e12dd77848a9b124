a, b, c = 1, 2, 3
del a, b
l = [1, 2, 3, 4]
del l[0], l[-1]
d = {'x': 1, 'y': 2}
del d['x']
print(c, l, d)
