# expect: OverflowError at 3:17
import numpy as np
a = np.array([10**30])
