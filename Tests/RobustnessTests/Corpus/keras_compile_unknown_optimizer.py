# expect: ValueError at 6:1
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
m.compile(optimizer='sgdx', loss='mse')
