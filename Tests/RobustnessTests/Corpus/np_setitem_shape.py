# expect: ValueError at 4:2
import numpy as np
a = np.zeros((2, 3))
a[0] = np.ones(4)
