# expect: TypeError at 4:1
import matplotlib.pyplot as plt
import numpy as np
plt.imshow(np.ones((0, 0)))
plt.show()
x = undefined
