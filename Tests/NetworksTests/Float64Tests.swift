import Networks
import Tensors
import XCTest

/// Models in float64, as Keras builds them after `set_floatx("float64")`
/// or with `dtype="float64"` on a layer.
final class Float64Tests: XCTestCase {
  override func tearDown() {
    try? FloatPrecision.setFloatx(.float32)
    super.tearDown()
  }

  private func model(_ hidden: ActivationKernel = .tanh) throws -> Model {
    let inputs = try KerasTensor.input(shape: [3], name: nil)
    let h = try inputs.applying(Dense(units: 4, activation: hidden, name: nil))
    let outputs = try h.applying(Dense(units: 2, activation: .softmax, name: nil))
    return try Model(inputs: inputs, outputs: outputs, name: nil)
  }

  func testSummaryCountsEightBytesPerFloat64Weight() throws {
    try FloatPrecision.setFloatx(.float64)
    let text = try model().summaryText(width: 80, color: false)
    // (3 * 4 + 4) + (4 * 2 + 2) = 26 weights of 8 bytes.
    XCTAssertTrue(text.contains(" Total params: 26 (208.00 B)\n"), text)
    XCTAssertTrue(text.contains(" Trainable params: 26 (208.00 B)\n"), text)

    try FloatPrecision.setFloatx(.float32)
    let inputs = try KerasTensor.input(shape: [3], name: nil)
    let wide = try Dense(units: 4, activation: .tanh, name: nil)
    try wide.setDType(.float64)
    let h = try inputs.applying(wide)
    let outputs = try h.applying(Dense(units: 2, activation: .softmax, name: nil))
    let mixed = try Model(inputs: inputs, outputs: outputs, name: nil)
    XCTAssertThrowsError(try wide.setDType(.float32))
    // 16 weights of 8 bytes and 10 of 4.
    XCTAssertTrue(
      mixed.summaryText(width: 80, color: false).contains(" Total params: 26 (168.00 B)\n"))
  }

  func testPredictGivesTheLastLayersDType() throws {
    NetworkRandom.setSeed(3)
    let x = try NDArray((0..<15).map { Double($0) / 7 }, shape: [5, 3])
    try FloatPrecision.setFloatx(.float64)
    let wide = try model()
    XCTAssertEqual(wide.inputDType, .float64)
    let probabilities = try wide.predict(x: x, verbose: 0)
    XCTAssertEqual(probabilities.dtype, .float64)
    for row in 0..<5 {
      let p = probabilities.values(as: Double.self)[(row * 2)..<(row * 2 + 2)]
      XCTAssertEqual(p.reduce(0, +), 1, accuracy: 1e-15)
    }

    // The same weights in float32 agree to float32's precision.
    try FloatPrecision.setFloatx(.float32)
    let narrow = try model()
    for (target, source) in zip(narrow.stack, wide.stack) {
      try target.setWeights(try source.weightArrays())
    }
    let single = try narrow.predict(x: x, verbose: 0)
    XCTAssertEqual(single.dtype, .float32)
    for (a, b) in zip(single.values(as: Double.self), probabilities.values(as: Double.self)) {
      XCTAssertEqual(a, b, accuracy: 1e-6)
    }
  }

  /// One full-batch SGD step with learning rate 1 moves each weight by
  /// minus its gradient; that gradient (through the fused softmax and
  /// cross-entropy, the model's backward pass and the casts) must match
  /// central differences of `evaluate`'s float64 loss.
  func testATrainingStepFollowsTheLossGradient() throws {
    for hidden in [ActivationKernel.tanh, .relu] {
      NetworkRandom.setSeed(5)
      try FloatPrecision.setFloatx(.float64)
      let net = try model(hidden)
      try net.compile(
        optimizer: Optimizer(.sgd, learningRate: 1), loss: Loss(.sparseCategoricalCrossentropy),
        metrics: [])
      var generator = RandomGenerator(seed: 9)
      let x = try NDArray((0..<18).map { _ in generator.nextDouble() * 2 - 1 }, shape: [6, 3])
      let y = try NDArray([0, 1, 1, 0, 1, 0] as [Int64], shape: [6])
      let before = try net.stack.map { try $0.weightArrays() }

      var options = FitOptions()
      options.batchSize = 6
      options.shuffle = false
      options.verbose = 0
      _ = try net.fit(x: x, y: y, options: options)
      let after = try net.stack.map { try $0.weightArrays() }
      for (layer, weights) in zip(net.stack, before) { try layer.setWeights(weights) }

      let h = 1e-6
      for (l, layer) in net.stack.enumerated() {
        for (w, start) in before[l].enumerated() {
          let values = start.values(as: Double.self)
          let moved = after[l][w].values(as: Double.self)
          for index in values.indices {
            func loss(_ shift: Double) throws -> Double {
              var changed = before[l]
              var shifted = values
              shifted[index] += shift
              changed[w] = try NDArray(shifted, shape: start.shape)
              try layer.setWeights(changed)
              defer { try? layer.setWeights(before[l]) }
              return try net.evaluate(x: x, y: y, batchSize: 6, verbose: 0)[0]
            }
            let numeric = (try loss(h) - loss(-h)) / (2 * h)
            let analytic = values[index] - moved[index]
            XCTAssertEqual(
              analytic, numeric, accuracy: 1e-6 * max(1, abs(numeric)),
              "\(hidden) \(layer.name) weight \(w)[\(index)]")
          }
        }
      }
    }
  }
}
