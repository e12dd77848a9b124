e = ValueError('a', 2)
print(e.args, str(e), repr(e))
print(str(KeyError('k')), repr(KeyError('k')), str(Exception()), repr(Exception()))
