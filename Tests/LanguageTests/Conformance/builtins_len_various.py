print(len(''), len('abc'), len([]), len([[]]), len(()), len({}), len({1: 2}), len(set()), len(range(3, 10)), len(range(10, 3)), len(range(0, 10, 3)))
