# expect: TabError at 4
if True:
	x = 1
        y = 2
