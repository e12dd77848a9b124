def f():
    pass
print(getattr(f, '__name__'), getattr('abc', 'upper')(), getattr([3, 1], 'index')(1))
