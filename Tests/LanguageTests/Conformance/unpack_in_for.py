for a, b, c in [(1, 2, 3), 'xyz']:
    print(a, b, c)
for (a, b), c in [((1, 2), 3)]:
    print(a + b + c)
