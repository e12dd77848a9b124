# expect: RuntimeError at 3:5
if True:
    !echo hi
