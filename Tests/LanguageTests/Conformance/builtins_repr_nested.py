print(repr([1, 'a', [2.5, None], {'k': ('t',)}]), repr(''), repr("'"), repr('"'))
