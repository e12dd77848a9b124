# skip: TODO a tab and eight spaces count as one level; Python raises TabError
if True:
	x = 1
        y = 2
