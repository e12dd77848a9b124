# expect: StopIteration at 3:1
it = iter([])
next(it)
