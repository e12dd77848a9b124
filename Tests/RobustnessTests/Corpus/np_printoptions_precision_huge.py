# expect: OverflowError at 3:1
import numpy as np
np.set_printoptions(precision=9223372036854775807)
