print('{} + {} = {}'.format(1, 2, 3), '{0}{1}{0}'.format('a', 'b'), '{:>8}|'.format('right'), '{:.3}'.format('abcdef'))
