# expect: TypeError at 6:47
import h5py
import numpy as np
path = '$TMP/d.h5'
f = h5py.File(path, 'w')
f.create_dataset('a', data='not an array' * 0 + None)
