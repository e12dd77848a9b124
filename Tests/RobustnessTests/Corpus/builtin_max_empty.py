# expect: ValueError at 2:5
m = max([])
