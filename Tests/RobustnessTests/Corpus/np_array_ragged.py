# expect: ValueError at 3:5
import numpy as np
a = np.array([[1, 2], [3]])
