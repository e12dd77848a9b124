# expect: IndexError at 4:6
import numpy as np
a = np.arange(5)
b = a[1.5]
