# expect: ValueError at 3:5
import numpy as np
a = np.zeros((2, 0, 9223372036854775807))
