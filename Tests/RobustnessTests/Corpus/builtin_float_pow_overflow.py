# expect: OverflowError at 2:10
x = 10.0 ** 400
