print('a b\tc\nd'.split(), '1,2,3'.split(','), ' x '.split(' '), 'a::b'.split('::'), 'abc'.split('x'), ''.split(), ''.split(','))
print('k=v=w'.split('=', 1), 'a,b,c'.rsplit(',', 1), 'one\ntwo\n'.splitlines(), 'a b c'.split(maxsplit=1))
