# expect: TypeError at 2:1
for x in 5:
    pass
