# expect: ValueError at 3:5
import numpy as np
s = np.argmax(np.ones(3), axis=1)
