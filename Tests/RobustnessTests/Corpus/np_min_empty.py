# expect: ValueError at 3:5
import numpy as np
m = np.zeros((0, 3)).min()
