for v in [1, 1.0, 'a', [1], (1,), {1: 1}, None, True, {1}]:
    print(repr(v), isinstance(v, (int, float)), isinstance(v, (list, tuple)), isinstance(v, (str, dict, set)))
