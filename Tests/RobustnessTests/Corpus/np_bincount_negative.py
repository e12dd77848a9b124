# expect: ValueError at 3:5
import numpy as np
a = np.bincount(np.array([-1, 2]))
