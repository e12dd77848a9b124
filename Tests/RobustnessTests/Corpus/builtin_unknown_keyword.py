# expect: TypeError at 2:1
print(1, colour='red')
