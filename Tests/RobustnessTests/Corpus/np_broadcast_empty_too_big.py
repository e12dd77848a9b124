# expect: ValueError at 5:7
import numpy as np
a = np.zeros((2**40, 1, 0), dtype=np.uint8)
b = np.zeros((1, 2**40, 0), dtype=np.uint8)
c = a + b
