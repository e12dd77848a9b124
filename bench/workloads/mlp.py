# The lesson's MLP: fit 300 moons for 20 epochs at batch 8 (760 steps),
# predict the 40,000-point boundary grid, evaluate. Runs unchanged under
# mlscript and under Python with TensorFlow.
import time
import numpy as np
import tensorflow as tf
from sklearn.datasets import make_moons

X, y = make_moons(300, shuffle=True, noise=0.25, random_state=0)
tf.random.set_seed(0)

inputs = tf.keras.Input(shape=(2,))
h = inputs
for _ in range(3):
    h = tf.keras.layers.Dense(64, activation="relu")(h)
outputs = tf.keras.layers.Dense(2, activation="softmax")(h)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])

start = time.perf_counter()
model.fit(X, y, epochs=20, batch_size=8, verbose=0)
print("RESULT mlp_fit", time.perf_counter() - start)

xs = np.linspace(-1.5, 2.5, 200)
ys = np.linspace(-1.0, 1.5, 200)
gx, gy = np.meshgrid(xs, ys)
grid = np.c_[gx.ravel(), gy.ravel()]
start = time.perf_counter()
model.predict(grid, verbose=0)
print("RESULT grid_predict", time.perf_counter() - start)

start = time.perf_counter()
model.evaluate(X, y, verbose=0)
print("RESULT evaluate", time.perf_counter() - start)
