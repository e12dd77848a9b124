# expect: ValueError at 3:5
import numpy as np
m = np.argmax(np.zeros(0))
