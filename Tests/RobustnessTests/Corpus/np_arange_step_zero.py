# expect: ZeroDivisionError at 3:5
import numpy as np
a = np.arange(0, 10, 0)
