# expect: IndexError at 7:9
import h5py
import numpy as np
path = '$SHARED/h5/dtypes.h5'
f = h5py.File(path, 'r')
k = list(f.keys())[0]
d = f[k][10**9]
