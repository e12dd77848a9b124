# expect: TypeError at 3:1
import numpy as np
for v in np.array(3):
    pass
