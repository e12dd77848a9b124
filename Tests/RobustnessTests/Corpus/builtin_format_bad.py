# expect: ValueError at 2:5
s = '{:q}'.format(1)
