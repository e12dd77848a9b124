import Foundation
import Language
import XCTest

/// Every code cell of the seed lesson parses once its `!wget`, `%` and
/// `import init` lines are removed.
final class SeedLessonTests: XCTestCase {
  /// The lesson's code cells, as the seed text shows them.
  static let cells: [String] = [
    """
    !wget -nc --no-cache -O init.py -q\
     https://raw.githubusercontent.com/rramosp/2021.deeplearning/main/content/init.py
    import init; init.init(force_download=False);
    """,
    """
    import numpy as np
    import tensorflow as tf
    import matplotlib.pyplot as plt
    import pandas as pd
    %matplotlib inline
    %load_ext tensorboard

    from sklearn.datasets import *
    from local.lib import mlutils
    tf.__version__
    """,
    """
    from sklearn.datasets import make_moons
    X, y = make_moons(300, shuffle=True, noise=0.25)
    mlutils.plot_2Ddata(X,y)
    """,
    """
    def get_model(num_classes=2, nlayers=3, lsize=64, compile=True, dropout=None):
        print("using",num_classes,"classes")
        inputs = tf.keras.Input(shape=(2,), name="input_1")

        layers = inputs
        for _ in range(nlayers):
            layers = tf.keras.layers.Dense(lsize, activation=tf.nn.relu)(layers)
            if dropout is not None:
                layers = tf.keras.layers.Dropout(dropout)(layers)

        predictions = tf.keras.layers.Dense(num_classes, activation=tf.nn.softmax,\
     name="output_1")(layers)
        model = tf.keras.Model(inputs = inputs, outputs=predictions)
        if compile:
            model.compile(optimizer='adam',
                          loss='sparse_categorical_crossentropy',
                          metrics=['accuracy'])
        return model
    """,
    "model = get_model()\nmodel.summary()",
    "model.fit(X, y, epochs=20, batch_size=8, verbose=False)\nmodel.evaluate(X,y);",
    "predict = lambda X: model.predict(X).argmax(axis=1)\n"
      + "mlutils.plot_2Ddata_with_boundary(predict, X,y)",
    "model = get_model(dropout=0.3)\nmodel.summary()",
    "model = get_model(nlayers=1, lsize=2, dropout=0.5)\nmodel.summary()",
    "model.layers",
    "inp, l1, d, outp = model.layers\nd.trainable, d.weights",
    "model(X[:2], training=False)",
    "model(X[:2], training=True) # each execution may be different",
    """
    tf.random.set_seed(0)
    layer = tf.keras.layers.Dropout(.5, input_shape=(2,))
    data = np.arange(1,11).reshape(5, 2).astype(np.float32)
    print(data)
    """,
    "outputs = layer(data, training=False).numpy()\nprint(outputs)",
    "outputs = layer(data, training=True).numpy()\nprint(outputs)",
    "data[outputs!=0].sum() / layer.rate, outputs[outputs!=0].sum()",
    """
    !wget -nc https://s3.amazonaws.com/rlx/mini_cifar.h5
    import h5py
    with h5py.File('mini_cifar.h5','r') as h5f:
        x_cifar = h5f["x"][:]
        y_cifar = h5f["y"][:]

    from sklearn.model_selection import train_test_split
    x_train, x_test, y_train, y_test = train_test_split(x_cifar, y_cifar, test_size=.25)
    print(x_train.shape, y_train.shape, x_test.shape, y_test.shape)
    """,
    """
    def get_conv_model(num_classes=3, img_size=32, use_maxpooling=True, compile=True):
        print ("using",num_classes,"classes")
        inputs = tf.keras.Input(shape=(img_size,img_size,3), name="input_1")
        layers = tf.keras.layers.Conv2D(15,(5,5), activation="relu")(inputs)
        if use_maxpooling:
            layers = tf.keras.layers.MaxPool2D((2,2), name="pooling")(layers)
        layers = tf.keras.layers.Conv2D(60,(5,5), activation="relu")(layers)
        layers = tf.keras.layers.Flatten()(layers)
        layers = tf.keras.layers.Dense(16, activation=tf.nn.relu)(layers)
        layers = tf.keras.layers.Dropout(0.2)(layers)
        predictions = tf.keras.layers.Dense(num_classes, activation=tf.nn.softmax,\
     name="output_1")(layers)
        model = tf.keras.Model(inputs = inputs, outputs=predictions)
        if compile:
            model.compile(optimizer='adam',
                          loss='sparse_categorical_crossentropy',
                          metrics=['accuracy'])
        return model
    """,
    "model = get_conv_model(use_maxpooling=False)\nmodel.summary()",
    "model = get_conv_model(use_maxpooling=True)\nmodel.summary()",
    "p = model.get_layer('pooling')\np.trainable, p.weights",
    "x_cifar[:1].shape, p(x_cifar[:1]).shape",
    "# a random position\ni,j = np.random.randint(16, size=2)*2\n\nx_cifar[:1][0,i:i+2,j:j+2]",
    "p(x_cifar[:1])[0,i//2,j//2,:]",
  ]

  /// A cell without the lines the lesson format leaves out.
  static func stripped(_ cell: String) -> String {
    cell.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { line in
        let text = line.drop { $0 == " " }
        return !text.hasPrefix("!") && !text.hasPrefix("%") && !text.hasPrefix("import init")
      }
      .joined(separator: "\n")
  }

  func testEveryCodeCellParses() {
    let interpreter = Interpreter(modules: nil)
    for (index, cell) in Self.cells.enumerated() {
      let origin = SourceOrigin(file: "seed", cell: index + 1)
      XCTAssertNil(interpreter.syntaxCheck(Self.stripped(cell), origin: origin), cell)
      XCTAssertNil(interpreter.syntaxCheck(cell, origin: origin), cell)
    }
  }

  func testTheSeedCellsAppearInTheSeedText() throws {
    let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../../shared/seed").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: seed.path)
      .filter { $0.hasSuffix(".txt") }
    let text = try files.map {
      try String(contentsOf: seed.appendingPathComponent($0), encoding: .utf8)
    }.joined()
    for cell in Self.cells {
      for line in cell.split(separator: "\n")
      where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        XCTAssertTrue(text.contains(line), "not in the seed: \(line)")
      }
    }
  }
}
