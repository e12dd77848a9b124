# expect: AssertionError at 11:8
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
c = layers.Conv2D(1, 2, padding="same", strides=9223372036854775807)
assert c(keras.Input((4, 4, 1))).shape == (None, 1, 1, 1)
p = layers.MaxPool2D(9223372036854775807, padding="same")
assert p(keras.Input((4, 4, 1))).shape == (None, 1, 1, 1)
m = keras.Sequential([keras.Input((4, 4, 1)), p])
assert m.predict(np.arange(16.0).reshape(1, 4, 4, 1), verbose=0)[0, 0, 0, 0] == 15
assert False, "huge windows and strides gave one output position"
