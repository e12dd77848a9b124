# expect: TypeError at 3:5
import numpy as np
a = np.full((2, 2), 'x')
