# expect: ValueError at 5:5
import h5py
import numpy as np
path = '$SHARED/h5/dtypes.h5'
f = h5py.File(path, 'rw+x')
