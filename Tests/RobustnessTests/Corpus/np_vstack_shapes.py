# expect: ValueError at 3:5
import numpy as np
c = np.vstack([np.ones(3), np.ones(4)])
