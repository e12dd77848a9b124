# expect: AssertionError at 4:8
import numpy as np
a = np.sqrt(np.array([-1.0]))
assert not np.isnan(a[0]), 'nan'
