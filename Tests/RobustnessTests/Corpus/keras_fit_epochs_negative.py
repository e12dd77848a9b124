# expect: ValueError at 7:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
m.compile(optimizer='sgd', loss='mse')
h = m.fit(np.ones((2, 2)), np.ones(2), epochs=-1, verbose=0)
x = undefined
