# expect: TypeError at 2:5
n = len(5)
