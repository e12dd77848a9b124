# expect: ValueError at 3:5
import numpy as np
c = np.dot(np.ones((2, 3)), np.ones((2, 3)))
