# expect: ValueError at 3:5
import numpy as np
t = np.expand_dims(np.ones(3), 5)
