import Tensors

/// `activation(x @ kernel + bias)` on the last axis.
public final class Dense: Layer {
  /// The number of outputs.
  public let units: Int
  /// Whether a bias is added.
  public let useBias: Bool
  private let activationKind: ActivationKernel
  private var kernel: Variable?
  private var bias: Variable?

  /// Makes a Dense layer; units must be positive.
  public init(
    units: Int, activation: ActivationKernel = .linear, useBias: Bool = true, name: String?
  ) throws {
    guard units > 0 else {
      throw TensorError(
        .valueError,
        "Received an invalid value for `units`, expected a positive integer."
          + " Received: units=\(units)")
    }
    self.units = units
    self.useBias = useBias
    self.activationKind = activation
    super.init(name: name, className: "Dense")
  }

  public override var className: String { "Dense" }
  public override var activation: ActivationKernel? { activationKind }

  public override var variables: [Variable] { [kernel, bias].compactMap { $0 } }

  public override func outputShape(for input: [Int]) throws -> [Int] {
    guard let last = input.last else {
      throw TensorError(.valueError, "Dense layer \(name) needs an input of rank >= 2")
    }
    _ = last
    return Array(input.dropLast()) + [units]
  }

  public override func build(_ input: [Int]) throws {
    guard let features = input.last else {
      throw TensorError(.valueError, "Dense layer \(name) needs an input of rank >= 2")
    }
    let kernel = try Variable(name: "kernel", layer: self, shape: [features, units])
    glorotUniform(kernel, fanIn: features, fanOut: units)
    self.kernel = kernel
    if useBias { bias = try Variable(name: "bias", layer: self, shape: [units]) }
    builtInputShape = input
  }

  public override func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    compute(x, into: y, batch: batch, input: input, logits: logits)
  }

  public override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    compute(x, into: y, batch: batch, input: input, logits: logits)
  }

  public override func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    differentiate(
      x: x, y: y, dy: dy, dx: dx, batch: batch, input: input, skipActivation: skipActivation)
  }

  public override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    differentiate(
      x: x, y: y, dy: dy, dx: dx, batch: batch, input: input, skipActivation: skipActivation)
  }

  private func compute<T: KernelScalar>(
    _ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int, input: [Int],
    logits: UnsafeMutablePointer<T>?
  ) {
    guard let kernel, let features = input.last else { return }
    let rows = batch * input.dropLast().reduce(1, *)
    var beta: T = 0
    if let bias {
      let b = bias.value.typed(T.self)
      for r in 0..<rows { (y + r * units).update(from: b, count: units) }
      beta = 1
    }
    GEMM.multiply(
      x, kernel.value.typed(T.self), into: y, m: rows, n: units, k: features, beta: beta)
    logits?.update(from: y, count: rows * units)
    activationKind.apply(y, count: rows * units, width: units)
  }

  private func differentiate<T: KernelScalar>(
    x: UnsafePointer<T>, y: UnsafePointer<T>, dy: UnsafeMutablePointer<T>,
    dx: UnsafeMutablePointer<T>?, batch: Int, input: [Int], skipActivation: Bool
  ) {
    guard let kernel, let features = input.last else { return }
    let rows = batch * input.dropLast().reduce(1, *)
    if !skipActivation {
      activationKind.backward(output: y, gradient: dy, count: rows * units, width: units)
    }
    if trainable {
      GEMM.multiply(
        x, UnsafePointer(dy), into: kernel.gradient.typed(T.self), m: features, n: units,
        k: rows, transposeA: true)
      if let bias {
        Convolution.columnSums(
          UnsafePointer(dy), rows: rows, columns: units, into: bias.gradient.typed(T.self))
      }
    }
    if let dx {
      GEMM.multiply(
        UnsafePointer(dy), kernel.value.typed(T.self), into: dx, m: rows, n: features,
        k: units, transposeB: true)
    }
  }
}
