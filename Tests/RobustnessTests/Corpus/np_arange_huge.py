# expect: MemoryError at 3:5
import numpy as np
a = np.arange(10**15)
