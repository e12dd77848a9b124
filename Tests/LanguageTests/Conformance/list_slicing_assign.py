a = list(range(10))
a[2:5] = ['x']
print(a)
a[::3] = [0, 0, 0]
print(a)
a[:] = [1, 2]
print(a)
a[1:1] = [9, 9]
print(a)
del a[::2]
print(a)
