# skip: TODO plot ignores the unknown keyword colr; matplotlib raises AttributeError
import matplotlib.pyplot as plt
import numpy as np
plt.plot([1, 2], [1, 2], colr='r')
