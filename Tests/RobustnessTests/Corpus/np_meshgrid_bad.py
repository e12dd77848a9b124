# skip: TODO meshgrid accepts indexing='q'; NumPy raises ValueError
import numpy as np
g = np.meshgrid(np.ones((2, 2, 2)), 3, indexing='q')
