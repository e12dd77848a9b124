# expect: ValueError at 3:5
import numpy as np
a = np.random.normal(0, 1, size=-3)
