# expect: ValueError at 2:5
c = chr(-1)
