# Containers that hold themselves print with "..." and compare without
# overflowing the stack.
a = []
a.append(a)
print(a)
print(str(a), len(repr(a)))
d = {}
d['x'] = d
print(d)
s = [1, (2, d), {3: a}]
print(s)
d2 = {}
d2[1] = d2
print(d2 == d2)
print(a == a)
x = []
y = [x]
x.append(y)
try:
    print(x == y)
except RecursionError as error:
    print('RecursionError:', error)
deep = []
for _ in range(5000):
    deep = [deep]
try:
    print(deep)
except RecursionError as error:
    print('RecursionError:', error)
print(['a', ['b']] == ['a', ['b']], [a] == [a])
