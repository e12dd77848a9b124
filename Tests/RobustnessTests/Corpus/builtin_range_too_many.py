# expect: TypeError at 2:5
r = range(1, 2, 3, 4)
