print(sorted({x % 3 for x in range(10)}), sorted({c.lower() for c in 'AaBb'}), len({(i, j) for i in range(2) for j in range(2)}))
