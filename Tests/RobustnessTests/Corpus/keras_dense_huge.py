# expect: MemoryError at 5:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
m = keras.Sequential([keras.Input((100000,)), layers.Dense(10**7)])
