# expect: ZeroDivisionError at 2:7
x = 1 / 0
