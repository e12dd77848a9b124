m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][-1], [row[0] for row in m], sum(sum(r) for r in m), len(m), len(m[0]))
m[0][0] = 'x'
print(m)
