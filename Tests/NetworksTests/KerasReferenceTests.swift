import DataFiles
import Networks
import Tensors
import XCTest

/// The two models Keras trained in `../shared/data/keras/`: the same
/// initial weights must give Keras's predictions, and the same training
/// (Adam, sparse cross-entropy, no shuffling) Keras's weights and losses.
final class KerasReferenceTests: XCTestCase {
  private func path(_ name: String) -> String {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("../shared/data/keras/\(name)").standardized.path
  }

  private func read(_ dataset: String, _ file: String) throws -> NDArray {
    try readDataset(dataset, in: path(file))
  }

  private func values(_ array: NDArray) -> [Double] { array.values(as: Double.self) }

  private func assertClose(
    _ actual: [Double], _ expected: [Double], relative: Double, floor: Double = 1e-3,
    _ what: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
    var worst = 0.0
    for (a, e) in zip(actual, expected) {
      worst = max(worst, abs(a - e) / max(abs(e), floor))
    }
    XCTAssertLessThanOrEqual(worst, relative, what, file: file, line: line)
  }

  private func run(_ name: String, _ model: Model, batchSize: Int) throws {
    let stored = try KerasWeights.load(from: path("\(name).weights.h5"))
    for (key, layer) in model.weightFileKeys() {
      guard let entry = stored.first(where: { $0.key == key }) else {
        XCTFail("no \(key) in the weights file")
        continue
      }
      try layer.setWeights(entry.variables)
    }
    let io = "\(name).io.h5"
    let x = try read("x", io)
    let y = try read("y", io)
    let predicted = try model.predict(x: x, batchSize: 32, verbose: 0)
    assertClose(values(predicted), values(try read("predict", io)), relative: 1e-5, "predict")

    let epochs = try read("loss", io).count
    try model.compile(
      optimizer: Optimizer(.adam), loss: Loss(.sparseCategoricalCrossentropy),
      metrics: ["accuracy"])
    var options = FitOptions()
    options.epochs = epochs
    options.batchSize = batchSize
    options.shuffle = false
    options.verbose = 0
    let history = try model.fit(x: x, y: y, options: options)
    assertClose(
      history.values(of: "loss") ?? [], values(try read("loss", io)), relative: 1e-4, "loss")
    for layer in model.layers where !layer.variables.isEmpty {
      for (index, variable) in layer.variables.enumerated() {
        let expected = try read("after_step/\(layer.name)/\(index)", io)
        assertClose(
          values(try variable.array()), values(expected), relative: 1e-4, floor: 1,
          "\(layer.name) weight \(index)")
      }
    }
    let evaluated = try model.evaluate(x: x, y: y, batchSize: 32, verbose: 0)
    assertClose(evaluated, values(try read("evaluate", io)), relative: 1e-4, "evaluate")
  }

  func testMLPOnMoonsMatchesKeras() throws {
    let inputs = try KerasTensor.input(shape: [2], name: "input_1")
    var h = inputs
    for name in ["dense", "dense_1", "dense_2"] {
      h = try h.applying(Dense(units: 64, activation: .relu, name: name))
    }
    let outputs = try h.applying(Dense(units: 2, activation: .softmax, name: "output_1"))
    // The file's attributes hold the batch size: 8 here, 16 for the CNN.
    try run("mlp_moons", Model(inputs: inputs, outputs: outputs, name: nil), batchSize: 8)
  }

  func testPooledCNNMatchesKeras() throws {
    let inputs = try KerasTensor.input(shape: [32, 32, 3], name: "input_1")
    var h = try inputs.applying(
      Conv2D(filters: 15, kernelSize: (5, 5), activation: .relu, name: "conv2d"))
    h = try h.applying(
      Pooling2D(mode: .max, poolSize: (2, 2), strides: nil, padding: "valid", name: "pooling"))
    h = try h.applying(
      Conv2D(filters: 60, kernelSize: (5, 5), activation: .relu, name: "conv2d_1"))
    h = try h.applying(Flatten(name: nil))
    h = try h.applying(Dense(units: 16, activation: .relu, name: "dense_3"))
    let outputs = try h.applying(Dense(units: 3, activation: .softmax, name: "output_1"))
    try run("cnn_pool", Model(inputs: inputs, outputs: outputs, name: nil), batchSize: 16)
  }
}
