# skip: TODO hist accepts bins=0; matplotlib raises ValueError
import matplotlib.pyplot as plt
import numpy as np
plt.hist(np.ones(5), bins=0)
