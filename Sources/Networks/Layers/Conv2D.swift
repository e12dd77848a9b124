import Tensors

/// A 2-D convolution on channels-last images, with a bias and an
/// activation, as Keras's Conv2D.
public final class Conv2D: Layer {
  /// The number of output channels.
  public let filters: Int
  /// The window's rows and columns.
  public let kernelSize: (Int, Int)
  /// The step between windows.
  public let strides: (Int, Int)
  /// `valid` or `same`.
  public let padding: String
  /// Whether a bias is added.
  public let useBias: Bool
  private let activationKind: ActivationKernel
  private var kernel: Variable?
  private var bias: Variable?

  final class State: LayerState {
    /// Per-worker blocks of windows and kernel-gradient slices.
    let scratch = FloatBuffer()
  }

  /// Makes a Conv2D layer; ValueError for non-positive sizes or an unknown
  /// padding.
  public init(
    filters: Int, kernelSize: (Int, Int), strides: (Int, Int) = (1, 1),
    padding: String = "valid", activation: ActivationKernel = .linear, useBias: Bool = true,
    name: String?
  ) throws {
    guard filters > 0 else {
      throw TensorError(
        .valueError,
        "Invalid value for argument `filters`. Expected a strictly positive value."
          + " Received filters=\(filters).")
    }
    guard kernelSize.0 > 0, kernelSize.1 > 0, strides.0 > 0, strides.1 > 0 else {
      throw TensorError(.valueError, "kernel_size and strides must be positive")
    }
    let mode = padding.lowercased()
    guard mode == "valid" || mode == "same" else {
      throw TensorError(
        .valueError,
        "The `padding` argument must be a string, one of \"valid\", \"same\". Received: \(padding)"
      )
    }
    self.filters = filters
    self.kernelSize = kernelSize
    self.strides = strides
    self.padding = mode
    self.useBias = useBias
    self.activationKind = activation
    super.init(name: name, className: "Conv2D")
  }

  public override var className: String { "Conv2D" }
  public override var activation: ActivationKernel? { activationKind }
  public override var variables: [Variable] { [kernel, bias].compactMap { $0 } }
  public override func makeState() -> LayerState { State() }

  func geometry(batch: Int, input: [Int]) throws -> ConvolutionGeometry {
    try windowGeometry(
      batch: batch, input: input, window: kernelSize, strides: strides, padding: padding)
  }

  public override func outputShape(for input: [Int]) throws -> [Int] {
    let g = try geometry(batch: 1, input: input)
    return [g.outHeight, g.outWidth, filters]
  }

  public override func build(_ input: [Int]) throws {
    _ = try outputShape(for: input)
    let channels = input[2]
    let kernel = try Variable(
      name: "kernel", layer: self, shape: [kernelSize.0, kernelSize.1, channels, filters])
    let area = kernelSize.0 * kernelSize.1
    glorotUniform(kernel, fanIn: area * channels, fanOut: area * filters)
    self.kernel = kernel
    if useBias { bias = try Variable(name: "bias", layer: self, shape: [filters]) }
    builtInputShape = input
  }

  public override func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    try compute(x, into: y, batch: batch, input: input, state: state, logits: logits)
  }

  public override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    try compute(x, into: y, batch: batch, input: input, state: state, logits: logits)
  }

  public override func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    try differentiate(
      x: x, y: y, dy: dy, dx: dx, batch: batch, input: input, state: state,
      skipActivation: skipActivation)
  }

  public override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    try differentiate(
      x: x, y: y, dy: dy, dx: dx, batch: batch, input: input, state: state,
      skipActivation: skipActivation)
  }

  private func compute<T: KernelScalar>(
    _ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int, input: [Int],
    state: LayerState, logits: UnsafeMutablePointer<T>?
  ) throws {
    guard let kernel, let state = state as? State else { return }
    let g = try geometry(batch: batch, input: input)
    try state.scratch.reserve(Convolution.scratchCount(g, filters: filters), of: T.self)
    // The activation runs on each block while it is in cache, unless the
    // loss needs the values before it.
    Convolution.forward(
      input: x, kernel: kernel.value.typed(T.self),
      bias: bias.map { UnsafePointer($0.value.typed(T.self)) }, output: y,
      scratch: state.scratch.typed(T.self), filters: filters, geometry: g,
      activation: logits == nil ? activationKind : .linear)
    if let logits {
      let count = batch * g.outPixels * filters
      logits.update(from: y, count: count)
      activationKind.apply(y, count: count, width: filters)
    }
  }

  private func differentiate<T: KernelScalar>(
    x: UnsafePointer<T>, y: UnsafePointer<T>, dy: UnsafeMutablePointer<T>,
    dx: UnsafeMutablePointer<T>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    guard let kernel, let state = state as? State else { return }
    let g = try geometry(batch: batch, input: input)
    try state.scratch.reserve(Convolution.scratchCount(g, filters: filters), of: T.self)
    Convolution.backward(
      input: x, outputGradient: dy, kernel: kernel.value.typed(T.self),
      scratch: state.scratch.typed(T.self),
      kernelGradient: trainable ? kernel.gradient.typed(T.self) : nil,
      biasGradient: trainable ? bias?.gradient.typed(T.self) : nil, inputGradient: dx,
      filters: filters, geometry: g, activation: skipActivation ? .linear : activationKind,
      output: y)
  }
}
