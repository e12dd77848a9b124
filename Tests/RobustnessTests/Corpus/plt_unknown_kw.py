# expect: AttributeError at 4
import matplotlib.pyplot as plt
import numpy as np
plt.plot([1, 2], [1, 2], colr='r')
