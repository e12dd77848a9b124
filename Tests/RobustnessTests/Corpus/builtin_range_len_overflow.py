# expect: OverflowError at 3:5
smallest = -9223372036854775807 - 1
n = len(range(smallest, 9223372036854775807))
