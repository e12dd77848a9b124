# expect: SyntaxError at 3:1
x = 1 + \
