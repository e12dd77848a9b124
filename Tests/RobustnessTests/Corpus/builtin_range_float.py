# expect: TypeError at 2:10
for i in range(1.5):
    pass
