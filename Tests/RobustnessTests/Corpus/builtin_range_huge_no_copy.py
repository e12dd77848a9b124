# expect: AssertionError at 11:8
smallest = -9223372036854775807 - 1
r = range(smallest, 9223372036854775807, 3)
assert len(r) == 6148914691236517205
assert r[-1] == 9223372036854775804
assert 9223372036854775804 in r and 9223372036854775805 not in r
assert r[::2] == range(smallest, 9223372036854775807, 6)
assert next(reversed(range(10**18))) == 10**18 - 1
assert 10**17 in range(10**18) and range(10**18)[10**17] == 10**17
assert 5 not in range(0, 20, smallest)
assert False, "huge ranges answered without being built"
