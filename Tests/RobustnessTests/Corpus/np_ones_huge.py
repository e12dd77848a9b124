# expect: MemoryError at 3:5
import numpy as np
a = np.ones(10**15)
