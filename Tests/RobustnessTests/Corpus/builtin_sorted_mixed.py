# expect: TypeError at 2:5
s = sorted([1, 'a'])
