a = [1, 2, 3]
a.reverse()
print(a, list(reversed(a)), a[::-1])
a.clear()
print(a, len(a))
