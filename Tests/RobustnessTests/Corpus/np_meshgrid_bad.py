# expect: ValueError at 3
import numpy as np
g = np.meshgrid(np.ones((2, 2, 2)), 3, indexing='q')
