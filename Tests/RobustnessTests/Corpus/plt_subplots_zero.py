# expect: ValueError at 4:11
import matplotlib.pyplot as plt
import numpy as np
fig, ax = plt.subplots(0, 0)
