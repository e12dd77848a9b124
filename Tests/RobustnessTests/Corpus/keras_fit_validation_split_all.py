# expect: ValueError at 7:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
m.compile(optimizer="sgd", loss="mse")
h = m.fit(np.ones((4, 2)), np.ones((4, 1)), validation_split=0.999, verbose=0)
