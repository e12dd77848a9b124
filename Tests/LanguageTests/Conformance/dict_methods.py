d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values())
print(d.items())
for k, v in d.items():
    print(k, v)
print('a' in d, 'z' in d, 'z' not in d)
d.update({'a': 10, 'e': 5})
d.update(f=6)
print(d)
print(d.pop('a'), d.pop('zz', None), d)
print(d.setdefault('g', 7), d.setdefault('b', 0), d)
del d['b']
print(d)
e = dict(x=1, y=2)
print(e, dict([('p', 1), ('q', 2)]), dict(e))
print({k: v * 2 for k, v in e.items()})
print({1: 'int', 1.0: 'float'}, {(1, 2): 'tuple'})
c = d.copy()
c.clear()
print(c, d == {'e': 5, 'f': 6, 'g': 7}, {'a': 1} == {'a': 1.0})
