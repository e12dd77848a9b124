# expect: ValueError at 6
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2, 3)), layers.Flatten(), layers.Dense(1)])
p = m.predict(np.ones((4, 3, 2, 1)), verbose=0)
