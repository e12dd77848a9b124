# expect: ValueError at 3:5
import numpy as np
b = np.arange(12).reshape(-1, -1)
