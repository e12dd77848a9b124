# expect: OverflowError at 2:13
x = float(10**400)
