# expect: OSError at 7:1
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
path = '$SHARED/h5/not_hdf5.h5'
m.load_weights(path)
