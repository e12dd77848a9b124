# expect: AssertionError at 7:8
import numpy as np
a = np.ones((2**40, 0))
assert a.shape == (2**40, 0) and a.T.shape == (0, 2**40)
assert np.eye(2**40, 0).shape == (2**40, 0)
assert np.zeros((0, 2**59)).sum() == 0
assert False, "empty arrays with long axes were made without walking them"
