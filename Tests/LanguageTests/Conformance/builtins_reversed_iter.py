print(list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
it = iter([10, 20, 30])
print(next(it), next(it), list(it), next(it, 'end'))
