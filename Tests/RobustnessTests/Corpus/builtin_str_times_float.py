# expect: TypeError at 2:9
s = 'a' * 2.5
