# expect: SyntaxError at 2:9
if x > 1
    pass
