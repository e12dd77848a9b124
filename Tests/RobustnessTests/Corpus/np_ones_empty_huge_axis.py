# expect: ValueError at 3:5
import numpy as np
a = np.ones((9223372036854775807, 0))
