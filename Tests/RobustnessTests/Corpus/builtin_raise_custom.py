# expect: ValueError at 2:1
raise ValueError('bad value')
