# expect: ValueError at 3:16
import numpy as np
c = np.ones(3) @ 2
