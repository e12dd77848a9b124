# expect: ValueError at 3:1
a = [1]
a.remove(2)
