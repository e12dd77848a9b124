# expect: ValueError at 3:5
import numpy as np
t = np.squeeze(np.ones((2, 3)), axis=0)
