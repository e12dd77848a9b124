# expect: AssertionError at 2:8
assert 1 == 2, 'nope'
