# expect: SyntaxError at 3:8
x = 1
y = "abÿ"
print(y)
