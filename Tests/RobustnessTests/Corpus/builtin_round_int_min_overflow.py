# expect: OverflowError at 3:5
smallest = -9223372036854775807 - 1
x = round(smallest, -1)
