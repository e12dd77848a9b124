# expect: SyntaxError at 2:5
x = [1, 2, 3
print(x)
