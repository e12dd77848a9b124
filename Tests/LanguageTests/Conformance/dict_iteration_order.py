d = {'z': 1, 'a': 2, 'm': 3}
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in sorted(d.items()):
    print(k, v)
