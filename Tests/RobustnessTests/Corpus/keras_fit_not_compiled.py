# expect: ValueError at 6:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
h = m.fit(np.ones((2, 2)), np.ones(2), verbose=0)
