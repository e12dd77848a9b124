# expect: ValueError at 3:5
import numpy as np
a = np.linspace(0, 1, -5)
