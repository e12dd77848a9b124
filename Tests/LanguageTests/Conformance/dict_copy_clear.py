a = {'k': [1]}
b = a.copy()
b['k'].append(2)
b['new'] = 1
print(a, b)
b.clear()
print(b, a)
