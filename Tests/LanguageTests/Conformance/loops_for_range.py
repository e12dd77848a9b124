for i in range(3):
    print(i, end=' ')
print()
for i in range(2, 10, 3):
    print(i, end=' ')
print()
for i in range(5, 0, -2):
    print(i, end=' ')
print()
for i in range(0):
    print('never')
print(list(range(-3, 3)), list(range(10, 0, -4)), range(5)[2], range(0, 10, 2)[-1], len(range(1, 100, 7)))
