# expect: SyntaxError at 2:6
print(1, 2
