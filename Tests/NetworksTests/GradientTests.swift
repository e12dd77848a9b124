import Networks
import Tensors
import XCTest

/// Every layer's backward pass, every activation and every loss against
/// central finite differences, in float64.
///
/// A layer is checked through `L = sum(r * layer(x))` for random `x` and
/// `r`: its input gradient and each weight gradient must match
/// `(L(v + h) - L(v - h)) / 2h` for every element. With h = 1e-6 the
/// truncation error of the central difference is about h^2 |L'''| / 6, near
/// 1e-13, and the rounding error about 1e-16 |L| / h, near 1e-9 for these
/// sizes; a tolerance of 1e-6 (relative, or absolute below 1) leaves a
/// margin of several hundred over both, while a wrong term, a wrong scale
/// or any float32 rounding on the way (about 1e-7 relative, so 1e-1 after
/// dividing by h) is far above it. `testAWrongGradientIsCaught` shows a
/// gradient off by 1e-5 relative fails the check.
final class GradientTests: XCTestCase {
  private static let step = 1e-6
  private static let tolerance = 1e-6

  private var generator = RandomGenerator(seed: 7)

  override func tearDown() {
    try? FloatPrecision.setFloatx(.float32)
    super.tearDown()
  }

  private func randomValues(_ count: Int, scale: Double = 1) -> [Double] {
    (0..<count).map { _ in (generator.nextDouble() * 2 - 1) * scale }
  }

  /// `|analytic - numeric|`, relative to their size when above 1.
  private static func error(_ analytic: Double, _ numeric: Double) -> Double {
    abs(analytic - numeric) / max(1, abs(analytic), abs(numeric))
  }

  private func run(
    _ layer: Layer, _ x: [Double], outputs: Int, batch: Int, input: [Int], state: LayerState
  ) throws -> [Double] {
    var y = [Double](repeating: 0, count: outputs)
    try x.withUnsafeBufferPointer { xs in
      try y.withUnsafeMutableBufferPointer { ys in
        guard let xb = xs.baseAddress, let yb = ys.baseAddress else { return }
        try layer.forward(
          xb, into: yb, batch: batch, input: input, training: true, state: state, logits: nil)
      }
    }
    return y
  }

  /// The float64 gradient mismatches of a layer, one line each, and the
  /// largest error seen. `make` gives the layer for each evaluation: the
  /// same instance, or a freshly seeded one when the layer draws noise.
  private func gradientErrors(
    input: [Int], batch: Int = 2, _ make: () throws -> Layer
  ) throws -> (failures: [String], worst: Double) {
    let layer = try make()
    try layer.setDType(.float64)
    try layer.ensureBuilt(input)
    let output = try layer.outputShape(for: input)
    let x = randomValues(batch * input.reduce(1, *))
    let r = randomValues(batch * output.reduce(1, *))
    let state = layer.makeState()
    func objective(_ x: [Double]) throws -> Double {
      let fresh = try make()
      try fresh.setDType(.float64)
      try fresh.ensureBuilt(input)
      let y = try run(
        fresh, x, outputs: r.count, batch: batch, input: input, state: fresh.makeState())
      return zip(y, r).reduce(0) { $0 + $1.0 * $1.1 }
    }

    var y = [Double](repeating: 0, count: r.count)
    var dy = r
    var dx = [Double](repeating: 0, count: x.count)
    try x.withUnsafeBufferPointer { xs in
      try y.withUnsafeMutableBufferPointer { ys in
        try dy.withUnsafeMutableBufferPointer { dys in
          try dx.withUnsafeMutableBufferPointer { dxs in
            guard let xb = xs.baseAddress, let yb = ys.baseAddress, let dyb = dys.baseAddress,
              let dxb = dxs.baseAddress
            else { return }
            try layer.forward(
              xb, into: yb, batch: batch, input: input, training: true, state: state,
              logits: nil)
            try layer.backward(
              x: xb, y: UnsafePointer(yb), dy: dyb, dx: dxb, batch: batch, input: input,
              state: state, skipActivation: false)
          }
        }
      }
    }

    var failures: [String] = []
    var worst = 0.0
    func compare(_ analytic: Double, _ numeric: Double, _ what: String) {
      let e = Self.error(analytic, numeric)
      worst = max(worst, e)
      if !(e <= Self.tolerance) {
        failures.append("\(layer.className) \(what): \(analytic) vs \(numeric)")
      }
    }
    let h = Self.step
    for index in x.indices {
      var plus = x
      var minus = x
      plus[index] += h
      minus[index] -= h
      compare(dx[index], (try objective(plus) - objective(minus)) / (2 * h), "input[\(index)]")
    }
    for variable in layer.variables {
      XCTAssertEqual(variable.dtype, .float64)
      let values = variable.value.typed(Double.self)
      let analytic = Array(
        UnsafeBufferPointer(start: variable.gradient.typed(Double.self), count: variable.count))
      for index in 0..<variable.count {
        let saved = values[index]
        values[index] = saved + h
        let up = try objective(x)
        values[index] = saved - h
        let down = try objective(x)
        values[index] = saved
        compare(analytic[index], (up - down) / (2 * h), "\(variable.name)[\(index)]")
      }
    }
    return (failures, worst)
  }

  private func check(
    input: [Int], batch: Int = 2, file: StaticString = #filePath, line: UInt = #line,
    _ make: () throws -> Layer
  ) throws {
    let (failures, worst) = try gradientErrors(input: input, batch: batch, make)
    XCTAssert(
      failures.isEmpty, failures.prefix(5).joined(separator: "\n"), file: file, line: line)
    XCTAssertLessThanOrEqual(worst, Self.tolerance, file: file, line: line)
  }

  /// Checks `layer`, built once and reused by every evaluation.
  private func check(
    _ layer: Layer, input: [Int], batch: Int = 2, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    try check(input: input, batch: batch, file: file, line: line) { layer }
  }

  func testDenseWithEveryActivation() throws {
    for activation in ActivationKernel.allCases {
      try check(Dense(units: 5, activation: activation, name: nil), input: [4])
    }
    try check(Dense(units: 3, useBias: false, name: nil), input: [2, 4])
  }

  func testConv2DValidSameAndStrided() throws {
    try check(
      Conv2D(filters: 3, kernelSize: (3, 3), activation: .tanh, name: nil), input: [6, 5, 2])
    try check(
      Conv2D(filters: 2, kernelSize: (3, 2), padding: "same", activation: .relu, name: nil),
      input: [5, 5, 3])
    try check(
      Conv2D(filters: 2, kernelSize: (3, 3), strides: (2, 2), padding: "same", name: nil),
      input: [7, 6, 2])
  }

  func testPoolingLayers() throws {
    try check(
      Pooling2D(mode: .max, poolSize: (2, 2), strides: nil, padding: "valid", name: nil),
      input: [6, 6, 2])
    try check(
      Pooling2D(mode: .max, poolSize: (3, 3), strides: (2, 2), padding: "same", name: nil),
      input: [5, 5, 2])
    try check(
      Pooling2D(mode: .average, poolSize: (2, 2), strides: nil, padding: "same", name: nil),
      input: [5, 5, 2])
    try check(
      Pooling2D(mode: .average, poolSize: (3, 2), strides: (1, 2), padding: "valid", name: nil),
      input: [5, 6, 2])
    try check(GlobalAveragePooling2D(name: nil), input: [3, 4, 2])
  }

  func testActivationLayersFlattenAndInput() throws {
    for kind in ActivationKernel.allCases {
      try check(Activation(kind, name: nil), input: [6])
    }
    try check(Flatten(name: nil), input: [2, 3, 2])
    try check(InputLayer(shape: [4], name: nil), input: [4])
  }

  func testDropoutWithAFixedMask() throws {
    // Each evaluation gets a layer seeded alike, so all draw the same mask.
    try check(input: [3, 4]) { try Dropout(rate: 0.5, seed: 11, name: "fixed_mask") }
    try check(input: [3, 4]) {
      try Dropout(rate: 0.3, noiseShape: [nil, 1, 4], seed: 5, name: "fixed_noise")
    }
    try check(Dropout(rate: 0, name: nil), input: [5])
  }

  func testAWrongGradientIsCaught() throws {
    let input = try Misgraded(wrong: .input)
    XCTAssertFalse(try gradientErrors(input: [4]) { input }.failures.isEmpty)
    let weight = try Misgraded(wrong: .weight)
    XCTAssertFalse(try gradientErrors(input: [4]) { weight }.failures.isEmpty)
    let right = try Misgraded(wrong: nil)
    XCTAssertEqual(try gradientErrors(input: [4]) { right }.failures, [])
  }

  func testLossGradients() throws {
    let rows = 3
    let width = 4
    let probabilities = [0.1, 0.2, 0.3, 0.4, 0.7, 0.1, 0.1, 0.1, 0.25, 0.25, 0.4, 0.1]
    // Unnormalised rows, for the normalisation inside categorical cross-entropy.
    let unnormalised = [0.2, 0.3, 0.1, 0.5, 0.6, 0.2, 0.3, 0.2, 0.5, 0.25, 0.4, 0.3]
    let logits = randomValues(rows * width, scale: 2)
    let sparse: [Double] = [3, 0, 2]
    let oneHot: [Double] = [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0]
    let soft = (0..<12).map { Double($0 % 3) / 2 }
    let cases: [(Loss, [Double], Bool, [Double])] = [
      (Loss(.sparseCategoricalCrossentropy), probabilities, false, sparse),
      (Loss(.sparseCategoricalCrossentropy), logits, true, sparse),
      (Loss(.categoricalCrossentropy), probabilities, false, oneHot),
      (Loss(.categoricalCrossentropy), unnormalised, false, soft),
      (Loss(.categoricalCrossentropy), logits, true, oneHot),
      (Loss(.categoricalCrossentropy), logits, true, soft),
      (Loss(.binaryCrossentropy), probabilities, false, soft),
      (Loss(.binaryCrossentropy), logits, true, soft),
      (Loss(.meanSquaredError), logits, false, soft),
      (Loss(.meanAbsoluteError), logits, false, soft),
    ]
    let h = Self.step
    var worst = 0.0
    for (loss, values, isLogits, targets) in cases {
      func total(_ v: [Double], _ g: UnsafeMutablePointer<Double>?) throws -> Double {
        try v.withUnsafeBufferPointer { vs in
          try targets.withUnsafeBufferPointer { ts in
            guard let vb = vs.baseAddress, let tb = ts.baseAddress else { return .nan }
            return try loss.evaluate(
              vb, logits: isLogits, targets: tb, rows: rows, width: width, gradient: g)
          }
        }
      }
      var gradient = [Double](repeating: 0, count: values.count)
      _ = try gradient.withUnsafeMutableBufferPointer { try total(values, $0.baseAddress) }
      for index in values.indices {
        var up = values
        var down = values
        up[index] += h
        down[index] -= h
        // The gradient is that of the batch's mean loss.
        let numeric = (try total(up, nil) - total(down, nil)) / (2 * h) / Double(rows)
        let e = Self.error(gradient[index], numeric)
        worst = max(worst, e)
        XCTAssertLessThanOrEqual(
          e, Self.tolerance,
          "\(loss.kind) logits=\(isLogits) [\(index)]: \(gradient[index]) vs \(numeric)")
      }
    }
    XCTAssertGreaterThan(worst, 0)
  }

  func testFloat64LayersKeepFloat64() throws {
    // A float32 round trip anywhere would show at the 1e-8 level.
    let dense = try Dense(units: 1, useBias: false, name: nil)
    try dense.setDType(.float64)
    try dense.ensureBuilt([1])
    try dense.setWeights([try NDArray([1.0 / 3.0], shape: [1, 1])])
    let out = try dense.call(try NDArray([0.1], shape: [1, 1]), training: false)
    XCTAssertEqual(out.dtype, .float64)
    XCTAssertEqual(out.values(as: Double.self)[0], 0.1 / 3, accuracy: 1e-17)
    XCTAssertEqual(dense.variables.first?.dtype, .float64)
    XCTAssertEqual(try dense.weightArrays().first?.values(as: Double.self), [1.0 / 3.0])

    try FloatPrecision.setFloatx(.float64)
    let implicit = try Dense(units: 2, name: nil)
    XCTAssertEqual(implicit.dtype, .float64)
    try FloatPrecision.setFloatx(.float32)
    XCTAssertEqual(try Dense(units: 2, name: nil).dtype, .float32)
    XCTAssertThrowsError(try FloatPrecision.setFloatx(.int32))
  }
}

/// `y = w * x^2` per feature, with a gradient made wrong on purpose by a
/// relative 1e-5 (on the input or on the weight), to show the check fails.
private final class Misgraded: Layer {
  enum Part { case input, weight }

  let wrong: Part?
  private var weight: Variable?

  init(wrong: Part?) throws {
    self.wrong = wrong
    super.init(name: "misgraded", className: "Misgraded")
  }

  override var variables: [Variable] { weight.map { [$0] } ?? [] }

  override func build(_ input: [Int]) throws {
    let w = try Variable(name: "w", layer: self, shape: input)
    for i in 0..<w.count { w.value.typed(Double.self)[i] = 0.5 + Double(i) / 4 }
    weight = w
    try super.build(input)
  }

  override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    guard let w = weight?.value.typed(Double.self) else { return }
    let n = input.reduce(1, *)
    for i in 0..<(batch * n) { y[i] = w[i % n] * x[i] * x[i] }
  }

  override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    guard let weight else { return }
    let w = weight.value.typed(Double.self)
    let dw = weight.gradient.typed(Double.self)
    let n = input.reduce(1, *)
    let inputScale = wrong == .input ? 1 + 1e-5 : 1
    let weightScale = wrong == .weight ? 1 + 1e-5 : 1
    dw.update(repeating: 0, count: n)
    for i in 0..<(batch * n) {
      dx?[i] = 2 * w[i % n] * x[i] * dy[i] * inputScale
      dw[i % n] += x[i] * x[i] * dy[i] * weightScale
    }
  }
}
