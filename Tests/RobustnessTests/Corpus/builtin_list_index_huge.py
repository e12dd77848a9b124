# expect: OverflowError at 3:9
a = [1]
b = a[10**30]
