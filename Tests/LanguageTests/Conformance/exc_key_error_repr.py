d = {'a': 1}
for key in ['b', 2, (1, 2), None]:
    try:
        d[key]
    except KeyError as e:
        print(repr(e), e)
