# expect: IsADirectoryError at 4:5
import h5py
import numpy as np
f = h5py.File('/tmp', 'r')
