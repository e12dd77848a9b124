# expect: AttributeError at 2:5
s = 'abc'.nope()
