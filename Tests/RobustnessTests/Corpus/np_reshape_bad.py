# expect: ValueError at 4:5
import numpy as np
a = np.arange(10)
b = a.reshape(3, 4)
