# expect: SyntaxError at 2:8
x = 3 +
