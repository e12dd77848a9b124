# expect: AttributeError at 3:5
import numpy as np
a = np.frobnicate(3)
