print('{name}: {score:.1f}'.format(name='ann', score=9.25), '{0[0]}-{0[1]}'.format(('x', 'y')), '{a}{b}'.format(b=2, a=1))
