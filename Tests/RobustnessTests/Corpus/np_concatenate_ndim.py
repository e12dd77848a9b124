# skip: TODO concatenate of 1-d and 2-d arrays returns shape (6,) instead of ValueError
import numpy as np
c = np.concatenate([np.ones(3), np.ones((3, 1))])
