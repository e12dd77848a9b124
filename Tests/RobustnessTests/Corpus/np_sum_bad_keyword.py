# expect: TypeError at 3:5
import numpy as np
a = np.sum(np.ones(3), axes=0)
