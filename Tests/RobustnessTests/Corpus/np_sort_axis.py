# expect: ValueError at 3:5
import numpy as np
c = np.sort(np.ones(3), axis=3)
