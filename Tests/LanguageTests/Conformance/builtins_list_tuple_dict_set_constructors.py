print(list((1, 2)), tuple([3, 4]), dict([(1, 'a')]), sorted(set([3, 3, 1])), list({'a': 1, 'b': 2}.values()), tuple('hi'))
