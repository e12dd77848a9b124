# expect: ValueError at 4:1
import matplotlib.pyplot as plt
import numpy as np
plt.contour([0, 1], [float("nan"), 1], np.array([[0, 1], [2, 3]]))
