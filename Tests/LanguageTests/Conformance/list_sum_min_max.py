v = [3.5, -1, 2]
print(sum(v), min(v), max(v), sum(v) / len(v), sorted(v)[len(v) // 2], sum([], 10))
