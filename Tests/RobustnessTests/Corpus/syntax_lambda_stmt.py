# expect: SyntaxError at 2:11
lambda x: return x
