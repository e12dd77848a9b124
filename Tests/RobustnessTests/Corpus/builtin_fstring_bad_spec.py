# expect: ValueError at 3:5
x = 1.5
s = f'{x:zz}'
