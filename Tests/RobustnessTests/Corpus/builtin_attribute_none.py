# expect: AttributeError at 3:1
x = None
x.shape
