print('ell' in 'hello', '' in 'abc', 'abc' in 'ab', 'A' in 'abc', 'a' not in 'xyz')
