# expect: ValueError at 4:6
import matplotlib.pyplot as plt
import numpy as np
ax = plt.subplot(2, 2, 9)
