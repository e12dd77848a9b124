# expect: KeyError at 6:6
import h5py
import numpy as np
path = '$SHARED/h5/dtypes.h5'
f = h5py.File(path, 'r')
d = f['no_such_dataset']
