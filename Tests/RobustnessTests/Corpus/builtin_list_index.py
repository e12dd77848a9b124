# expect: IndexError at 3:6
a = [1, 2, 3]
b = a[10]
