# expect: OverflowError at 2:5
x = --9223372036854775808
