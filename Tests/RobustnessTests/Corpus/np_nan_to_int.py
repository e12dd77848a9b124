# expect: ValueError at 3:5
import numpy as np
a = int(np.nan)
