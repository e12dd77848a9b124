# expect: ValueError at 2:5
i = 'abc'.index('z')
