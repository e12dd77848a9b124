def check(x):
    assert x > 0
    assert isinstance(x, int), 'must be int'
    return x
print(check(3))
for bad in [-1, 2.5]:
    try:
        check(bad)
    except AssertionError as e:
        print('AssertionError', repr(str(e)))
