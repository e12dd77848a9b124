for value in [0, 1, -1, 0.0, 0.5, '', 'a', [], [0], (), (0,), {}, {'a': 1}, None, True, False, range(0), range(2), set()]:
    print(repr(value), bool(value), 'yes' if value else 'no')
