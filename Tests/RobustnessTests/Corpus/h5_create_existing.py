# expect: ValueError at 7:1
import h5py
import numpy as np
path = '$TMP/c.h5'
f = h5py.File(path, 'w')
f.create_dataset('a', data=np.ones(3))
f.create_dataset('a', data=np.ones(3))
