# expect: AttributeError at 4:1
import matplotlib.pyplot as plt
import numpy as np
plt.frobnicate()
