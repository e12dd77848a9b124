x_train, x_test, y_train, y_test = [1, 2], [3], 'a', 'b'
print(x_train, x_test, y_train, y_test)
a, (b, c) = 1, (2, 3)
print(a, b, c)
for i, (k, v) in enumerate({'x': 1, 'y': 2}.items()):
    print(i, k, v)
first, *middle, last = range(6)
print(first, middle, last)
a, b = b, a
print(a, b)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print(e)
try:
    p, q = 5
except TypeError as e:
    print(e)
lst = [0, 0, 0]
lst[0], lst[2] = 'a', 'c'
print(lst)
print(*[1, 2, 3], sep='-')
print(*'ab', *[3])
print([*range(3), *'xy'], (*[1], 2), {**{'a': 1}, 'b': 2})
