d = {}
d[(0, 0)] = 'origin'
d[(1, 2)] = 'point'
print(d[(0, 0)], (1, 2) in d, len(d), d)
try:
    d[[1]] = 1
except TypeError as e:
    print(e)
