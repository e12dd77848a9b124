# expect: SyntaxError at 3:11
x = 1
s = f'{x:}}'
