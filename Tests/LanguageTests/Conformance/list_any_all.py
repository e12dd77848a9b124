print(any([False, 0, '']), any([0, 'x']), all([1, 'a', [0]]), all([1, []]), any(x > 2 for x in [1, 3]), all(x > 0 for x in []))
