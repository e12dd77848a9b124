words = ['apple', 'bob', 'kayak', 'level', 'python']
print({w: w == w[::-1] for w in words})
print(sorted({len(w) for w in words}))
