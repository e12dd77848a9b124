# expect: SyntaxError at 2:15
print(end='', 3)
