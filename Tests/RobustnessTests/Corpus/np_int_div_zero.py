# expect: NameError at 5:5
import numpy as np
a = np.array([1]) // np.array([0])
b = 1 // np.int64(0)
c = undefined
