data = [3, 1, 2]
data.sort(key=lambda v: v.size)
