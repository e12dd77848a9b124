# expect: KeyError at 3:6
d = {}
v = d['k']
