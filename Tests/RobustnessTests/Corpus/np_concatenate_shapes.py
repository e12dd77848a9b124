# skip: TODO concatenate of (2, 3) and (2, 4) along axis 0 returns shape (14,) instead of ValueError
import numpy as np
c = np.concatenate([np.ones((2, 3)), np.ones((2, 4))])
