names = ['a', 'b', 'c']
scores = [90, 85]
for i, (n, s) in enumerate(zip(names, scores)):
    print(i, n, s)
print(list(zip(names, scores, 'xyz')), list(zip()))
