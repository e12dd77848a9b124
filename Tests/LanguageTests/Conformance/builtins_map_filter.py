print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20])), list(filter(lambda v: v > 1, [0, 1, 2, 3])), list(map(len, ['a', 'bb'])))
