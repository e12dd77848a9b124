def named():
    pass
print(repr(named).startswith('<function named at 0x'), str(print), repr(len))
