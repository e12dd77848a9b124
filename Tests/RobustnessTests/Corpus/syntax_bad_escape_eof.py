# expect: SyntaxError at 2:5
s = 'abc\
