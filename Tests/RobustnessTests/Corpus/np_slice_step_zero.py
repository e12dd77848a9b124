# expect: ValueError at 3:17
import numpy as np
a = np.arange(5)[::0]
