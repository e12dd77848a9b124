# skip: TODO global after assignment parses; Python raises SyntaxError
def f():
    x = 1
    global x
