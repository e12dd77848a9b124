d = {}
d['x'] = 1
d['y'] = 2
d['x'] = 10
print(d, len(d))
del d['x']
print(d)
print(d.pop('y'), d, d.pop('missing', 'gone'))
try:
    d.pop('missing')
except KeyError as e:
    print('KeyError', e)
