# expect: ValueError at 3:8
x = 1.5
s = f'{x:zz}'
