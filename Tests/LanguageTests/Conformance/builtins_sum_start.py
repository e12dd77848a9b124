print(sum(range(101)), sum([1.5, 2.5]), sum([[1], [2, 3]], []), sum((), 5), sum([True, True]))
