# expect: NameError at 2:5
m = __import__('os')
