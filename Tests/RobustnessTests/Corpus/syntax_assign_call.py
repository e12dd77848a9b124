# expect: SyntaxError at 2:1
f() = 3
