# expect: ValueError at 3:5
import numpy as np
a = np.zeros((0, 9223372036854775807, 2))
