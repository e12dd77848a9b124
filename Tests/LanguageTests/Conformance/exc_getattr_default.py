print(getattr([], 'nope', None), hasattr([], 'append'), hasattr({}, 'items'))
try:
    getattr(1, 'nope')
except AttributeError as e:
    print(e)
