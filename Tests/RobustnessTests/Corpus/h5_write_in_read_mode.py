# expect: ValueError at 6:1
import h5py
import numpy as np
path = '$SHARED/h5/dtypes.h5'
f = h5py.File(path, 'r')
f.create_dataset('new', data=np.ones(3))
