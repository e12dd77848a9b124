# the smallest 64-bit int can be written as a negated literal
smallest = -9223372036854775808
print(smallest, type(smallest).__name__, smallest + 1, [-9223372036854775808])
print(- 9223372036854775808 // 2, -(9223372036854775807))
print(round(-9223372036854775808, -2), "x".center(-9223372036854775808) == "x")
