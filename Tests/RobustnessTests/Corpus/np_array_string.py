# expect: TypeError at 3:5
import numpy as np
a = np.array('abc') + 1
