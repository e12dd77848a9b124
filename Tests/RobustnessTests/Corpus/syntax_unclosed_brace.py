# expect: SyntaxError at 2:5
d = {'a': 1,
