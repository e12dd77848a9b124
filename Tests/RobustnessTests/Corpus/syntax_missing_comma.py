# expect: SyntaxError at 4:10
x = 1
if x:
    y = (1 2)
