# justifying to a negative width leaves the text alone
smallest = -9223372036854775807 - 1
print(repr("x".ljust(smallest)), repr("x".rjust(smallest)), repr("x".center(smallest)))
print(repr("x".zfill(smallest)), repr("-7".zfill(-1)), repr("ab".center(-3, "*")))
