# expect: IndentationError at 3:1
for i in range(3):
