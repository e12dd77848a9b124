# expect: SyntaxError at 4:5
x = 1
y = "été"
z = �
