print([1, 2, 3], (1,), (), (1, 2), {}, {'a': 1, 'b': [2, 3]}, {1, 2, 3}, set())
a, b = 1, 2
print(a, b)
t = 1, 2, 3
print(t, type(t))
print([], [[]], [()], ((),))
print(..., None, True, False)
x = [1, 'two', 3.0, None, (4,), {'k': 'v'}]
print(x)
print(repr(x))
