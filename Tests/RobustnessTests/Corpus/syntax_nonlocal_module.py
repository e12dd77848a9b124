# expect: SyntaxError at 2:1
nonlocal x
