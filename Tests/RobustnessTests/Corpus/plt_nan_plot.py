# expect: NameError at 6:5
import matplotlib.pyplot as plt
import numpy as np
plt.plot([np.nan, np.inf], [1, np.nan])
plt.show()
x = undefined
