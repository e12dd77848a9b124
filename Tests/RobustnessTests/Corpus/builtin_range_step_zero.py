# expect: ValueError at 2:5
r = range(0, 10, 0)
