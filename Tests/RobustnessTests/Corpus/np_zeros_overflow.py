# expect: MemoryError at 3:5
import numpy as np
a = np.zeros((2**40, 2**40))
