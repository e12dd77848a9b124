d = {'a': 1, 'b': 2}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i, len(k), 'a' in k, 1 in v, ('a', 1) in i)
d['c'] = 3
print(list(k), sorted(v))
