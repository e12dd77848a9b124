import DataFiles
import Foundation
import Networks
import Tensors
import XCTest

/// The lesson's pooled CNN on `mini_cifar.h5`: Keras reaches 0.98 test
/// accuracy after 10 epochs (x / 255, 75/25 split, batch 32).
final class CNNQualityTests: XCTestCase {
  func testPooledCNNReachesKerasAccuracyOnMiniCifar() throws {
    let path = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("../shared/data/mini_cifar.h5").standardized.path
    let images = try readDataset("x", in: path)
    let labels = try readDataset("y", in: path).values(as: Int64.self)
    let n = images.shape[0]
    let pixels = images.values(as: Float.self).map { $0 / 255 }

    var generator = RandomGenerator(seed: 11)
    var order = Array(0..<n)
    for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, generator.nextInt(below: i + 1)) }
    let testCount = Int((Double(n) * 0.25).rounded(.up))
    let size = 32 * 32 * 3
    func subset(_ indices: ArraySlice<Int>) throws -> (NDArray, NDArray) {
      var x: [Float] = []
      x.reserveCapacity(indices.count * size)
      for i in indices { x += pixels[(i * size)..<((i + 1) * size)] }
      return (
        try NDArray(x, shape: [indices.count, 32, 32, 3]),
        try NDArray(indices.map { labels[$0] }, shape: [indices.count])
      )
    }
    let (xTest, yTest) = try subset(order[..<testCount])
    let (xTrain, yTrain) = try subset(order[testCount...])

    NetworkRandom.setSeed(0)
    let inputs = try KerasTensor.input(shape: [32, 32, 3], name: nil)
    var h = try inputs.applying(
      Conv2D(filters: 15, kernelSize: (5, 5), activation: .relu, name: nil))
    h = try h.applying(
      Pooling2D(mode: .max, poolSize: (2, 2), strides: nil, padding: "valid", name: nil))
    h = try h.applying(Conv2D(filters: 60, kernelSize: (5, 5), activation: .relu, name: nil))
    h = try h.applying(Flatten(name: nil))
    h = try h.applying(Dense(units: 16, activation: .relu, name: nil))
    h = try h.applying(Dropout(rate: 0.2, name: nil))
    let outputs = try h.applying(Dense(units: 3, activation: .softmax, name: nil))
    let model = try Model(inputs: inputs, outputs: outputs, name: nil)
    try model.compile(
      optimizer: Optimizer(.adam), loss: Loss(.sparseCategoricalCrossentropy),
      metrics: ["accuracy"])
    var options = FitOptions()
    options.epochs = 10
    options.verbose = 0
    _ = try model.fit(x: xTrain, y: yTrain, options: options)
    let accuracy = try model.evaluate(x: xTest, y: yTest, verbose: 0)[1]
    print("pooled CNN test accuracy after 10 epochs: \(accuracy)")
    XCTAssertGreaterThanOrEqual(accuracy, 0.95)
  }
}
