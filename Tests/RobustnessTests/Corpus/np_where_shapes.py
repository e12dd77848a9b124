# expect: ValueError at 3:5
import numpy as np
a = np.where(np.ones(3) > 0, np.ones(2), np.ones(4))
