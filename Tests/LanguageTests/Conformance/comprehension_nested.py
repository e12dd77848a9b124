print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([x for row in [[1, 2], [3], []] for x in row])
print([(i, c) for i in range(2) for c in 'ab' if i or c == 'b'])
