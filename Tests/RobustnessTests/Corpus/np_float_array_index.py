# expect: IndexError at 4:6
import numpy as np
a = np.arange(4)
b = a[np.array([0.5])]
