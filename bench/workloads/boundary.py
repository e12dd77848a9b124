# The lesson's decision-boundary cell: a trained MLP's predict on the
# 200x200 grid plus the drawing, as mlutils does it. mlscript only: the
# course's helper draws with matplotlib in Python.
import time
import tensorflow as tf
import matplotlib.pyplot as plt
from sklearn.datasets import make_moons
from local.lib import mlutils

X, y = make_moons(300, shuffle=True, noise=0.25, random_state=0)
inputs = tf.keras.Input(shape=(2,))
h = inputs
for _ in range(3):
    h = tf.keras.layers.Dense(64, activation="relu")(h)
outputs = tf.keras.layers.Dense(2, activation="softmax")(h)
model = tf.keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(X, y, epochs=2, batch_size=8, verbose=0)

predict = lambda X: model.predict(X, verbose=0).argmax(axis=1)
start = time.perf_counter()
mlutils.plot_2Ddata_with_boundary(predict, X, y)
plt.show()
print("RESULT boundary", time.perf_counter() - start)
