print(3 in [1, 2, 3], 'x' in 'xyz', 'xy' in 'xyz', 'k' in {'k': 1}, 1 in {1: 'a'}, 5 in range(10), 10 in range(10))
print(2 in (1, 2), 4 not in {1, 2}, [1] in [[1], [2]], 'a' in ['a'], 7 in range(1, 20, 3))
