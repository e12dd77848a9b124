# expect: SyntaxError at 2:1
else:
    pass
