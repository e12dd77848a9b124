# expect: TypeError at 2:1
a, b = 5
