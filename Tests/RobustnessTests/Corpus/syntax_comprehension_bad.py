# expect: SyntaxError at 2:8
[x for in range(3)]
