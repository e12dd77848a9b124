# expect: SyntaxError at 2:5
x = (1,
    2,
y = 3
