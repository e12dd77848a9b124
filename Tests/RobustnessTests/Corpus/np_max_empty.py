# expect: ValueError at 3:5
import numpy as np
m = np.max(np.array([]))
