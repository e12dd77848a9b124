# expect: SyntaxError at 3:9
x = 1
s = f'{x'
