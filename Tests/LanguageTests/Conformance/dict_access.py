d = {'a': 1, 'b': 2}
print(d['a'], d.get('b'), d.get('c'), d.get('c', 'default'), 'a' in d, 'c' in d)
try:
    d['c']
except KeyError as e:
    print('KeyError', e)
