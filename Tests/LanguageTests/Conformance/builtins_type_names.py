for v in [1, 2.0, 'x', [], (), {}, set(), None, True, range(1), len, print]:
    print(type(v).__name__ if hasattr(type(v), '__name__') else type(v))
