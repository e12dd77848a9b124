# expect: ValueError at 4:5
import numpy as np
a = np.zeros((2**62, 0), dtype=np.uint8)
c = np.concatenate([a, a])
