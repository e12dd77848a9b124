print(list(), list(range(4)), list('ab'), list((1, 2)), list({'a': 1}), [0] * 3, [[0] * 2] * 2, list(x for x in [1, 2]))
