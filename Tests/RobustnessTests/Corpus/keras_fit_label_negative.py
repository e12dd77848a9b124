# expect: ValueError at 7:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(3, activation='softmax')])
m.compile(optimizer='adam', loss='sparse_categorical_crossentropy')
h = m.fit(np.ones((2, 2)), np.array([0, -1]), epochs=1, verbose=0)
