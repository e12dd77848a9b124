# expect: ValueError at 3
import numpy as np
c = np.concatenate([np.ones((2, 3)), np.ones((2, 4))])
