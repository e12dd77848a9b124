# expect: NameError at 8:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
p = m.predict(np.ones((0, 2)), verbose=0)
assert p.shape == (0, 1), p.shape
x = undefined
