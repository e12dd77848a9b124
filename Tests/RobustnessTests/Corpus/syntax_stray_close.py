# expect: SyntaxError at 2:6
x = 1)
