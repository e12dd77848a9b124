# expect: SyntaxError at 2:6
def f:
    pass
