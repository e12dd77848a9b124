for s in ['a\nb', 'tab\t', 'q\'s', 'd"q', 'both\'"', 'back\\slash', '\x00\x7f', 'uni\u00e9']:
    print(repr(s))
