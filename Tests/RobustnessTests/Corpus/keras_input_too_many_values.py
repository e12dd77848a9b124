# expect: ValueError at 5:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
i = keras.Input((3037000500, 3037000500))
