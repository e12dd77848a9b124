# expect: SyntaxError at 2:18
print(1, end='', end='')
