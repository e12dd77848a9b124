# expect: ValueError at 6:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
p = m.predict(np.ones((3, 5)), verbose=0)
