# expect: ValueError at 3:5
import numpy as np
s = np.sum(np.ones((2, 3)), axis=2)
