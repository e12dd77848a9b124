# expect: OverflowError at 2:7
x = 2 ** (10**10)
