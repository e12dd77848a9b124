# expect: TypeError at 3:5
import numpy as np
a = np.zeros(3, colour=1)
