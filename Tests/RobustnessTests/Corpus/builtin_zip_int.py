# expect: TypeError at 2:10
z = list(zip(1, 2))
