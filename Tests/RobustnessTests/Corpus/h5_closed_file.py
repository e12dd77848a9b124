# expect: ValueError at 8:6
import h5py
import numpy as np
path = '$SHARED/h5/dtypes.h5'
with h5py.File(path, 'r') as f:
    k = list(f.keys())[0]
    d = f[k]
x = d[:]
