d = {1: 'int', 'one': 'str', (1,): 'tuple', None: 'none', True: 'bool?', 2.5: 'float'}
print(d, d[1], d[None], d[(1,)])
