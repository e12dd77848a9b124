# expect: IndexError at 5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
y = keras.utils.to_categorical(np.array([0, 5]), num_classes=3)
