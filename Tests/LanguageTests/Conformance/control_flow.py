for i in range(10):
    if i == 2:
        continue
    if i == 5:
        break
    print(i, end=' ')
print()
for i in range(3):
    pass
else:
    print('for-else ran', i)
for i in range(3):
    if i == 1:
        break
else:
    print('not printed')
n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print('n', n)
else:
    print('while-else')
x = 7
if x < 5:
    print('small')
elif x < 10:
    print('medium')
else:
    print('large')
print('yes' if x > 5 else 'no')
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for k in {'p': 1, 'q': 2}:
    print(k)
for ch in 'hi':
    print(ch)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 'a' != 'b', None is None, [] is not [], 2 in [1, 2])
print(0 or 'default', 'first' or 'second', 0 and 1, 1 and 2, not 0, not [1])
if x: print('inline if')
a = b = c = 5
print(a, b, c)
i = 0
while True:
    i += 1
    if i > 3: break
print(i)
