# expect: ValueError at 2:5
x = float('one')
