# expect: SyntaxError at 2:5
del 3
