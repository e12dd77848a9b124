# expect: AssertionError at 9:8
import numpy as np
np.set_printoptions(edgeitems=-5, threshold=2)
assert str(np.arange(10)) == "[... 9]"
np.set_printoptions(edgeitems=9223372036854775807)
assert str(np.arange(10)) == "[0 1 2 3 4 5 6 7 8 9]"
np.set_printoptions(linewidth=-9223372036854775807 - 1, edgeitems=3, threshold=1000)
assert str(np.arange(3)) == "[0\n 1\n 2]"
assert False, "extreme print options printed"
