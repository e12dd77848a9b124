# expect: TypeError at 2:5
a = abs('x')
