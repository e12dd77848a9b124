def describe(**info):
    return ', '.join(f'{k}={v}' for k, v in info.items())
print(describe(), describe(a=1, b='x'), describe(**{'z': None}))
