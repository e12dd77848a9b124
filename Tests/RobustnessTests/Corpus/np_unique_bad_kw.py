# expect: TypeError at 3:5
import numpy as np
u = np.unique(np.ones(3), return_count=True)
