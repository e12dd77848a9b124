# expect: TypeError at 3:5
import numpy as np
a = np.clip(np.ones(3), 'a', 'b')
