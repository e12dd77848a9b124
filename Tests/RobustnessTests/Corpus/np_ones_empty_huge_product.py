# expect: ValueError at 3:5
import numpy as np
a = np.ones((2**31, 2**31, 0))
