import Foundation
import Networks
import Tensors
import XCTest

/// Training quality on the lesson's workloads, against the bands Keras
/// 3.15 reached over 10 seeds, and the behaviour of fit around it.
final class TrainingTests: XCTestCase {
  /// scikit-learn's `make_moons(n, noise)`: two interleaved half circles
  /// with Gaussian noise, shuffled.
  static func moons(_ n: Int, noise: Double, seed: UInt64) throws -> (NDArray, NDArray) {
    var generator = RandomGenerator(seed: seed)
    let outer = n / 2
    let inner = n - outer
    var points: [(Double, Double, Int64)] = []
    for i in 0..<outer {
      let t = Double.pi * Double(i) / Double(max(outer - 1, 1))
      points.append((cos(t), sin(t), 0))
    }
    for i in 0..<inner {
      let t = Double.pi * Double(i) / Double(max(inner - 1, 1))
      points.append((1 - cos(t), 1 - sin(t) - 0.5, 1))
    }
    for i in stride(from: points.count - 1, to: 0, by: -1) {
      points.swapAt(i, generator.nextInt(below: i + 1))
    }
    var x: [Double] = []
    for point in points {
      x.append(point.0 + noise * generator.nextNormal())
      x.append(point.1 + noise * generator.nextNormal())
    }
    return (try NDArray(x, shape: [n, 2]), try NDArray(points.map(\.2), shape: [n]))
  }

  private func lessonModel(nlayers: Int = 3, size: Int = 64, dropout: Double? = nil) throws
    -> Model
  {
    let inputs = try KerasTensor.input(shape: [2], name: "input_1")
    var x = inputs
    for _ in 0..<nlayers {
      x = try x.applying(Dense(units: size, activation: .relu, name: nil))
      if let dropout { x = try x.applying(Dropout(rate: dropout, name: nil)) }
    }
    let outputs = try x.applying(Dense(units: 2, activation: .softmax, name: "output_1"))
    let model = try Model(inputs: inputs, outputs: outputs, name: nil)
    try model.compile(
      optimizer: Optimizer(.adam), loss: Loss(.sparseCategoricalCrossentropy),
      metrics: ["accuracy"])
    return model
  }

  private func accuracies(
    nlayers: Int = 3, size: Int = 64, dropout: Double? = nil, seeds: Int = 10
  ) throws -> [Double] {
    var result: [Double] = []
    for seed in 0..<seeds {
      NetworkRandom.setSeed(UInt64(seed))
      let (x, y) = try Self.moons(300, noise: 0.25, seed: UInt64(100 + seed))
      let model = try lessonModel(nlayers: nlayers, size: size, dropout: dropout)
      var options = FitOptions()
      options.epochs = 20
      options.batchSize = 8
      options.verbose = 0
      _ = try model.fit(x: x, y: y, options: options)
      result.append(try model.evaluate(x: x, y: y, verbose: 0)[1])
    }
    return result.sorted()
  }

  private func assertBand(
    _ values: [Double], median: Double, minimum: Double, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    let middle = (values[4] + values[5]) / 2
    XCTAssertEqual(middle, median, accuracy: 0.02, "median of \(values)", file: file, line: line)
    XCTAssertGreaterThanOrEqual(
      values[0], minimum - 0.03, "minimum of \(values)", file: file, line: line)
  }

  func testMoonsWithoutDropoutReachKerasBand() throws {
    assertBand(try accuracies(), median: 0.943, minimum: 0.917)
  }

  func testMoonsWithDropoutReachKerasBand() throws {
    assertBand(try accuracies(dropout: 0.3), median: 0.92, minimum: 0.887)
  }

  func testTinyNetworkWithHeavyDropoutReachesKerasBand() throws {
    // Ten seeds are too few for this network: a run whose two ReLU units
    // start out mostly dead ends near chance, in Keras as here. Over 100
    // seeds Keras 3.15 gave a median of 0.81 and 7 runs below 0.58 (the
    // ten-seed band's 0.61 - 0.03). Up to 16 such runs out of 100 is not
    // significantly different from 7 (two-sided Fisher test, 5%).
    let values = try accuracies(nlayers: 1, size: 2, dropout: 0.5, seeds: 100)
    XCTAssertEqual((values[49] + values[50]) / 2, 0.81, accuracy: 0.02, "median of \(values)")
    XCTAssertLessThanOrEqual(values.filter { $0 < 0.58 }.count, 16, "\(values)")
  }

  func testSeededRunsRepeatAndDropoutIsIdentityAtInference() throws {
    let (x, y) = try Self.moons(64, noise: 0.25, seed: 3)
    var predictions: [[Float]] = []
    for _ in 0..<2 {
      NetworkRandom.setSeed(42)
      let model = try lessonModel(dropout: 0.3)
      var options = FitOptions()
      options.epochs = 2
      options.verbose = 0
      _ = try model.fit(x: x, y: y, options: options)
      let first = try model.call(x, training: false).values(as: Float.self)
      let second = try model.predict(x: x, verbose: 0).values(as: Float.self)
      // predict runs batches of 32 and call all 64 rows at once; OpenBLAS's
      // FMA kernels may sum the two shapes in another order, so they agree
      // to float32 rounding, far closer than any Dropout mask would leave.
      XCTAssertEqual(first.count, second.count)
      for (a, b) in zip(first, second) { XCTAssertEqual(a, b, accuracy: 1e-6) }
      predictions.append(first)
    }
    XCTAssertEqual(predictions[0], predictions[1])
  }

  func testDropoutKeepsAndScales() throws {
    NetworkRandom.setSeed(0)
    let layer = try Dropout(rate: 0.5, name: nil)
    let data = try NDArray((1...1000).map { Float($0) }, shape: [500, 2])
    XCTAssertEqual(
      try layer.call(data, training: false).values(as: Float.self), data.values(as: Float.self))
    let out = try layer.call(data, training: true).values(as: Float.self)
    let input = data.values(as: Float.self)
    var kept = 0
    for (o, i) in zip(out, input) where o != 0 {
      XCTAssertEqual(o, i * 2)
      kept += 1
    }
    // 1000 draws at p = 0.5: 500 +/- 5 standard deviations.
    XCTAssertEqual(Double(kept), 500, accuracy: 80)
    XCTAssertThrowsError(try Dropout(rate: 1, name: nil))
    XCTAssertThrowsError(try Dropout(rate: -0.1, name: nil))
  }

  func testNamesFollowKerasCounters() throws {
    LayerNaming.reset()
    XCTAssertEqual(try Dense(units: 1, name: nil).name, "dense")
    XCTAssertEqual(try Dense(units: 1, name: "kept").name, "kept")
    XCTAssertEqual(try Dense(units: 1, name: nil).name, "dense_1")
    XCTAssertEqual(
      try Pooling2D(mode: .max, poolSize: (2, 2), strides: nil, padding: "valid", name: nil).name,
      "max_pooling2d")
    XCTAssertEqual(GlobalAveragePooling2D(name: nil).name, "global_average_pooling2d")
    XCTAssertEqual(LayerNaming.snakeCase("InputLayer"), "input_layer")
  }
}
