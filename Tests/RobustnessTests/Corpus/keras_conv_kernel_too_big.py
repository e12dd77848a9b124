# expect: ValueError at 5:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((4, 4, 1)), layers.Conv2D(2, 5)])
