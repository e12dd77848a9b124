# expect: ValueError at 2:1
a, b, c = (1, 2)
