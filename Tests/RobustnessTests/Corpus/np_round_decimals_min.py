# expect: OverflowError at 3:5
import numpy as np
r = np.round(np.array([1.5]), -9223372036854775807 - 1)
