# expect: ValueError at 7:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
m.compile(optimizer='sgd', loss='mse')
r = m.evaluate(np.ones((2, 3)), np.ones(2), verbose=0)
