# expect: ValueError at 4:1
import matplotlib.pyplot as plt
import numpy as np
plt.plot([1, 2], [1, 2], color='notacolour')
