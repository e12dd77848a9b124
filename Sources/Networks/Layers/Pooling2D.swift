import Tensors

/// Max or average pooling over windows of channels-last images.
public final class Pooling2D: Layer {
  /// Which reduction a window gets.
  public enum Mode: Sendable {
    case max, average
  }

  /// Max or average.
  public let mode: Mode
  /// The window's rows and columns.
  public let poolSize: (Int, Int)
  /// The step between windows (the pool size unless given).
  public let strides: (Int, Int)
  /// `valid` or `same`.
  public let padding: String

  final class State: LayerState {
    var argmax = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var capacity = 1
    deinit { argmax.deallocate() }
    func reserve(_ count: Int) {
      guard count > capacity else { return }
      argmax.deallocate()
      argmax = UnsafeMutablePointer<Int32>.allocate(capacity: count)
      capacity = count
    }
  }

  /// Makes a pooling layer; ValueError for non-positive sizes or an
  /// unknown padding.
  public init(
    mode: Mode, poolSize: (Int, Int), strides: (Int, Int)?, padding: String, name: String?
  ) throws {
    guard poolSize.0 > 0, poolSize.1 > 0 else {
      throw TensorError(.valueError, "pool_size must be positive, received \(poolSize)")
    }
    let stepping = strides ?? poolSize
    guard stepping.0 > 0, stepping.1 > 0 else {
      throw TensorError(.valueError, "strides must be positive, received \(stepping)")
    }
    let lowered = padding.lowercased()
    guard lowered == "valid" || lowered == "same" else {
      throw TensorError(
        .valueError,
        "The `padding` argument must be a string, one of \"valid\", \"same\". Received: \(padding)"
      )
    }
    self.mode = mode
    self.poolSize = poolSize
    self.strides = stepping
    self.padding = lowered
    super.init(name: name, className: mode == .max ? "MaxPooling2D" : "AveragePooling2D")
  }

  public override var className: String { mode == .max ? "MaxPooling2D" : "AveragePooling2D" }
  public override func makeState() -> LayerState { State() }

  func geometry(batch: Int, input: [Int]) throws -> ConvolutionGeometry {
    try windowGeometry(
      batch: batch, input: input, window: poolSize, strides: strides, padding: padding)
  }

  public override func outputShape(for input: [Int]) throws -> [Int] {
    let g = try geometry(batch: 1, input: input)
    return [g.outHeight, g.outWidth, input[2]]
  }

  public override func build(_ input: [Int]) throws {
    _ = try outputShape(for: input)
    builtInputShape = input
  }

  public override func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    try pool(x, into: y, batch: batch, input: input, state: state)
  }

  public override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    try pool(x, into: y, batch: batch, input: input, state: state)
  }

  public override func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    try unpool(dy, into: dx, batch: batch, input: input, state: state)
  }

  public override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    try unpool(dy, into: dx, batch: batch, input: input, state: state)
  }

  private func pool<T: KernelScalar>(
    _ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int, input: [Int],
    state: LayerState
  ) throws {
    let g = try geometry(batch: batch, input: input)
    switch mode {
    case .max:
      // The winners' positions are kept as 32-bit offsets.
      guard batch * g.imageSize <= Int(Int32.max) else {
        throw TensorError(
          .memoryError, "max pooling over more than 2**31 values at once is not supported")
      }
      let state = state as? State
      state?.reserve(batch * g.outPixels * g.channels)
      Pooling.maxForward(x, into: y, argmax: state?.argmax, geometry: g)
    case .average:
      Pooling.averageForward(x, into: y, geometry: g)
    }
  }

  private func unpool<T: KernelScalar>(
    _ dy: UnsafeMutablePointer<T>, into dx: UnsafeMutablePointer<T>?, batch: Int,
    input: [Int], state: LayerState
  ) throws {
    guard let dx else { return }
    let g = try geometry(batch: batch, input: input)
    switch mode {
    case .max:
      guard let state = state as? State else { return }
      Pooling.maxBackward(UnsafePointer(dy), argmax: state.argmax, into: dx, geometry: g)
    case .average:
      Pooling.averageBackward(UnsafePointer(dy), into: dx, geometry: g)
    }
  }
}

/// The mean of each channel over all positions of an image.
public final class GlobalAveragePooling2D: Layer {
  /// Makes the layer.
  public init(name: String?) {
    super.init(name: name, className: "GlobalAveragePooling2D")
  }

  public override var className: String { "GlobalAveragePooling2D" }

  public override func outputShape(for input: [Int]) throws -> [Int] {
    guard input.count == 3 else {
      throw TensorError(
        .valueError,
        "Input 0 of layer \"\(name)\" is incompatible with the layer: expected ndim=4,"
          + " found ndim=\(input.count + 1)")
    }
    return [input[2]]
  }

  public override func build(_ input: [Int]) throws {
    _ = try outputShape(for: input)
    builtInputShape = input
  }

  public override func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    average(x, into: y, batch: batch, input: input)
  }

  public override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    average(x, into: y, batch: batch, input: input)
  }

  public override func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    spread(dy, into: dx, batch: batch, input: input)
  }

  public override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    spread(dy, into: dx, batch: batch, input: input)
  }

  private func average<T: KernelScalar>(
    _ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int, input: [Int]
  ) {
    let pixels = input[0] * input[1]
    let c = input[2]
    let scale = 1 / T(max(pixels, 1))
    for n in 0..<batch {
      let out = y + n * c
      out.update(repeating: 0, count: c)
      let image = x + n * pixels * c
      for p in 0..<pixels {
        for ch in 0..<c { out[ch] += image[p * c + ch] }
      }
      for ch in 0..<c { out[ch] *= scale }
    }
  }

  private func spread<T: KernelScalar>(
    _ dy: UnsafeMutablePointer<T>, into dx: UnsafeMutablePointer<T>?, batch: Int,
    input: [Int]
  ) {
    guard let dx else { return }
    let pixels = input[0] * input[1]
    let c = input[2]
    let scale = 1 / T(max(pixels, 1))
    for n in 0..<batch {
      for p in 0..<pixels {
        for ch in 0..<c { dx[(n * pixels + p) * c + ch] = dy[n * c + ch] * scale }
      }
    }
  }
}

/// Reshapes each sample to one axis; the data does not move.
public final class Flatten: Layer {
  /// Makes the layer.
  public init(name: String?) { super.init(name: name, className: "Flatten") }

  public override var className: String { "Flatten" }

  public override func outputShape(for input: [Int]) throws -> [Int] {
    [try sampleCount(input)]
  }
}

/// Applies an activation function on its own.
public final class Activation: Layer {
  private let kind: ActivationKernel

  /// Makes the layer.
  public init(_ kind: ActivationKernel, name: String?) {
    self.kind = kind
    super.init(name: name, className: "Activation")
  }

  public override var className: String { "Activation" }
  public override var activation: ActivationKernel? { kind }

  public override func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    activate(x, into: y, batch: batch, input: input, logits: logits)
  }

  public override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    activate(x, into: y, batch: batch, input: input, logits: logits)
  }

  public override func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    differentiate(y: y, dy: dy, dx: dx, batch: batch, input: input, skip: skipActivation)
  }

  public override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    differentiate(y: y, dy: dy, dx: dx, batch: batch, input: input, skip: skipActivation)
  }

  private func activate<T: KernelScalar>(
    _ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int, input: [Int],
    logits: UnsafeMutablePointer<T>?
  ) {
    let count = batch * input.reduce(1, *)
    y.update(from: x, count: count)
    logits?.update(from: x, count: count)
    kind.apply(y, count: count, width: input.last ?? 1)
  }

  private func differentiate<T: KernelScalar>(
    y: UnsafePointer<T>, dy: UnsafeMutablePointer<T>, dx: UnsafeMutablePointer<T>?,
    batch: Int, input: [Int], skip: Bool
  ) {
    let count = batch * input.reduce(1, *)
    if !skip { kind.backward(output: y, gradient: dy, count: count, width: input.last ?? 1) }
    dx?.update(from: dy, count: count)
  }
}
