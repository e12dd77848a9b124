# expect: MemoryError at 3:5
import numpy as np
a = np.zeros((100000, 100000, 100000))
