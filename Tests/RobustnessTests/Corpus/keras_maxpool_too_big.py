# expect: ValueError at 5:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((2, 2, 1)), layers.MaxPool2D(3)])
