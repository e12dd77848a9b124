# expect: OverflowError at 2:5
x = round(9223372036854775807, -1)
