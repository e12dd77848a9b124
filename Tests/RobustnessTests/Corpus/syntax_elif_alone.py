# expect: SyntaxError at 3:1
x = 1
elif x:
    pass
