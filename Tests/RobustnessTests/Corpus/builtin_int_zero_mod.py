# expect: ZeroDivisionError at 2:7
x = 5 % 0
