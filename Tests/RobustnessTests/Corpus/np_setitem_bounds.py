# expect: IndexError at 4:2
import numpy as np
a = np.zeros(3)
a[3] = 1
