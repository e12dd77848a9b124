def f():
    pass
print(callable(f), callable(len), callable(3), callable('x'), callable(int), callable(ValueError))
print(hasattr('x', 'upper'), hasattr([], 'nope'), hasattr(f, '__name__'))
