# expect: ValueError at 4:1
import matplotlib.pyplot as plt
import numpy as np
plt.plot([1, 2, 3], [1, 2])
