# expect: ValueError at 4
import matplotlib.pyplot as plt
import numpy as np
plt.hist(np.ones(5), bins=0)
