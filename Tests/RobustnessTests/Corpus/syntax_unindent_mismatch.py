# expect: IndentationError at 4:8
if True:
    x = 1
  y = 2
