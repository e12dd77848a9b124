# expect: OSError at 5:5
import h5py
import numpy as np
path = '$SHARED/h5/truncated.h5'
f = h5py.File(path, 'r')
x = f['x'][:]
