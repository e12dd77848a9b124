# expect: TypeError at 2:6
d = {[1]: 2}
