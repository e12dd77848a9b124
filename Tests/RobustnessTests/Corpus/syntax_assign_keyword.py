# expect: SyntaxError at 2:1
None = 1
