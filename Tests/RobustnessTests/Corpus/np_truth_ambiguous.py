# expect: ValueError at 3:4
import numpy as np
if np.ones(3):
    pass
