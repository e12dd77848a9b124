# expect: NameError at 4:5
import numpy as np
a = np.array([np.nan, np.inf]).astype(np.int64)
b = undefined_after
