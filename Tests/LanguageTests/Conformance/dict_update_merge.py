a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
a.update(b)
print(a)
a.update([('w', 0)], v=5)
print(a, {**a, 'x': 'new'}, a | {'q': 1})
