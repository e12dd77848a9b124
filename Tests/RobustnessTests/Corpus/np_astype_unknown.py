# expect: TypeError at 3:5
import numpy as np
a = np.ones(3).astype('float7')
