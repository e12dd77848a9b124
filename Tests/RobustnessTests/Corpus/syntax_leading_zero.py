# expect: SyntaxError at 2:5
x = 0123
