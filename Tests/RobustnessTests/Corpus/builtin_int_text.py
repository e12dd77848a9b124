# expect: ValueError at 2:5
n = int('abc')
