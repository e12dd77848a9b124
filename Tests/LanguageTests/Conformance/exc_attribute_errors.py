for obj, name in [([], 'push'), ('s', 'append'), (5, 'real_part'), ({}, 'iteritems'), (None, 'x')]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(e)
