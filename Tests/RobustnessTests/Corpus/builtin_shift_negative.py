# expect: ValueError at 2:7
x = 1 << -1
