# expect: TypeError at 3:1
x = 3
x()
