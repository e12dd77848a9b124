# expect: TypeError at 2:5
r = round('x')
