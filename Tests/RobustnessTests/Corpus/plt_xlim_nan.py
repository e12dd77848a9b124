# expect: ValueError at 4:1
import matplotlib.pyplot as plt
plt.plot([1, 2], [1, 2])
plt.xlim(float("nan"), 1)
