# expect: ValueError at 3:5
import numpy as np
c = np.stack([np.ones(3), np.ones(4)])
