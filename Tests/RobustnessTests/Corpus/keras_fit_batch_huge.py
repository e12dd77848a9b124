# expect: AssertionError at 10:8
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
m.compile(optimizer="sgd", loss="mse")
h = m.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=9223372036854775807, verbose=0)
assert len(h.history["loss"]) == 1
assert m.predict(np.ones((4, 2)), batch_size=9223372036854775807, verbose=0).shape == (4, 1)
assert False, "a batch larger than the data took all of it"
