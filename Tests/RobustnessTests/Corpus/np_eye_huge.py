# expect: MemoryError at 3:5
import numpy as np
a = np.eye(10**8)
