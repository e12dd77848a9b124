# expect: ValueError at 5:5
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers
p = layers.MaxPool2D(2, strides=-1)
