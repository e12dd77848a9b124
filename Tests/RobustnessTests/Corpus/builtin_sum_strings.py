# expect: TypeError at 2:5
s = sum(['a', 'b'])
