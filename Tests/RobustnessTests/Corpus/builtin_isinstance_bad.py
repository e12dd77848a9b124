# expect: TypeError at 2:1
isinstance(1, 2)
