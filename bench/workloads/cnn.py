# One epoch of the lesson's CNN, with and without max pooling, on the
# 2253 training images of mini_cifar at batch 32. The first epoch of each
# model warms up; the second is timed.
import time
import numpy as np
import tensorflow as tf
import h5py
from sklearn.model_selection import train_test_split

with h5py.File("../../lessons/data/mini_cifar.h5", "r") as f:
    x = f["x"][:] / 255
    y = f["y"][:]
x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.25, random_state=0)
x_train = x_train.astype(np.float32)

def build(pooling):
    inputs = tf.keras.Input(shape=(32, 32, 3))
    h = tf.keras.layers.Conv2D(15, (5, 5), activation="relu")(inputs)
    if pooling:
        h = tf.keras.layers.MaxPool2D((2, 2))(h)
    h = tf.keras.layers.Conv2D(60, (5, 5), activation="relu")(h)
    h = tf.keras.layers.Flatten()(h)
    h = tf.keras.layers.Dense(16, activation="relu")(h)
    h = tf.keras.layers.Dropout(0.2)(h)
    outputs = tf.keras.layers.Dense(3, activation="softmax")(h)
    model = tf.keras.Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model

tf.random.set_seed(0)
for pooling, name in [(True, "cnn_pool_epoch"), (False, "cnn_nopool_epoch")]:
    model = build(pooling)
    model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
    start = time.perf_counter()
    model.fit(x_train, y_train, epochs=1, batch_size=32, verbose=0)
    print("RESULT", name, time.perf_counter() - start)
