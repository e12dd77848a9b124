# expect: SyntaxError at 2:11
d = {'a': }
