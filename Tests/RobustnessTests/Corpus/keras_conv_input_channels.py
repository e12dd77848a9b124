# expect: ValueError at 6:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((6, 6, 3)), layers.Conv2D(2, 3)])
p = m.predict(np.ones((1, 6, 6, 1)), verbose=0)
