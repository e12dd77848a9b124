# expect: ValueError at 4:1
import matplotlib.pyplot as plt
import numpy as np
plt.scatter(np.ones(3), np.ones(4))
