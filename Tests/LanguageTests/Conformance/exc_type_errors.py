tests = [lambda: len(5), lambda: 'a' * 'b', lambda: None + 1, lambda: [] - [], lambda: -'x', lambda: abs('x'), lambda: sum(['a', 'b']), lambda: tests()]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
