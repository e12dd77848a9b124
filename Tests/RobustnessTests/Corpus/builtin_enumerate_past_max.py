# expect: OverflowError at 2:5
x = list(enumerate([1, 2, 3], 9223372036854775806))
