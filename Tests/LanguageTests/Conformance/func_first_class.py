def apply(fn, values):
    return [fn(v) for v in values]
def square(v):
    return v * v
ops = {'sq': square, 'neg': lambda v: -v, 'abs': abs}
for name in ops:
    print(name, apply(ops[name], [-2, 3]))
print(square.__name__, (lambda: 0).__name__)
