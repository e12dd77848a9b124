# expect: IndexError at 4:6
import numpy as np
a = np.zeros((2, 3))
b = a[1, 3]
