# expect: ValueError at 3:1
import numpy as np
np.set_printoptions(precision=-1)
