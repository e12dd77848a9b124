# expect: NameError at 2:1
eval('1 +')
