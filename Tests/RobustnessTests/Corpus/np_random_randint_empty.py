# expect: ValueError at 3:5
import numpy as np
a = np.random.randint(5, 5)
