# expect: IndentationError at 3:1
def f():
return 1
