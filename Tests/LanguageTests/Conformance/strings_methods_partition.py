print('user@host'.partition('@'), 'nohost'.partition('@'), 'a.b.c'.rpartition('.'), 'x'.rpartition('.'))
