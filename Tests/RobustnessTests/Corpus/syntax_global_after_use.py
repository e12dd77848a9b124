# expect: SyntaxError at 4:5
def f():
    x = 1
    global x
