# expect: AssertionError at 8:8
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
m.compile(optimizer='sgd', loss='mse')
h = m.fit(np.full((2, 2), np.nan), np.ones(2), epochs=1, verbose=0)
assert not np.isnan(h.history['loss'][0]), 'nan loss'
