# expect: IndentationError at 3:5
x = 1
    y = 2
