# expect: OverflowError at 2:7
x = 1 << (10**10)
