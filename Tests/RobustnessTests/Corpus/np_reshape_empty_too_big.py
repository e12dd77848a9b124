# expect: ValueError at 3:5
import numpy as np
a = np.zeros(0).reshape((0, 2**62, 2**62))
