# expect: TypeError at 3:5
import numpy as np
n = len(np.float64(3))
