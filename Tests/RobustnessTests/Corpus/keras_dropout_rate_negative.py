# expect: ValueError at 5:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
d = layers.Dropout(-0.1)
