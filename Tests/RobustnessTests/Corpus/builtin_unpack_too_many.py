# expect: ValueError at 2:1
a, b = [1, 2, 3]
