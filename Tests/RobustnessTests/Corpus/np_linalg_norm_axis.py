# expect: ValueError at 3:5
import numpy as np
n = np.linalg.norm(np.ones(3), axis=4)
