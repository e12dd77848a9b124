# expect: ValueError at 3:5
import numpy as np
b = np.reshape(np.arange(6), (4, 2))
