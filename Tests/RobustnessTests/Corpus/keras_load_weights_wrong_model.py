# expect: ValueError at 9:1
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
a = keras.Sequential([keras.Input((2,)), layers.Dense(3)])
path = '$TMP/a.weights.h5'
a.save_weights(path)
b = keras.Sequential([keras.Input((2,)), layers.Dense(4)])
b.load_weights(path)
