# expect: ValueError at 3:5
import numpy as np
t = np.transpose(np.ones((2, 3)), (0, 0))
