def show(a, b, c=0):
    return a + b + c
args = (1, 2)
kwargs = {'c': 10}
print(show(*args), show(*args, **kwargs), show(1, *[2]), show(**{'a': 1, 'b': 1}))
