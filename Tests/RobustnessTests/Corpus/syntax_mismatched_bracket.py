# expect: SyntaxError at 2:10
x = [1, 2)
