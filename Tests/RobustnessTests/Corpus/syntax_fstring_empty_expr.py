# expect: SyntaxError at 2:8
s = f'{}'
