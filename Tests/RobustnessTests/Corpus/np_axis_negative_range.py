# expect: ValueError at 3:5
import numpy as np
s = np.ones((2, 3)).mean(axis=-3)
