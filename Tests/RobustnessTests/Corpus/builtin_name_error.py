# expect: NameError at 2:7
print(undefined_name)
