import Tensors

/// Scratch memory one use of a layer keeps between its forward and its
/// backward pass (im2col windows, max positions, Dropout masks).
open class LayerState {
  /// Makes an empty state.
  public init() {}
}

/// The float type new layers compute in, as Keras's `floatx()`.
public enum FloatPrecision {
  nonisolated(unsafe) private static var current = DType.float32

  /// `float32` (the default) or `float64`.
  public static var floatx: DType { current }

  /// Sets `floatx`; ValueError for a type other than float32 or float64.
  public static func setFloatx(_ dtype: DType) throws {
    guard dtype == .float32 || dtype == .float64 else {
      throw TensorError(
        .valueError,
        "Unknown `floatx` value: \(dtype.rawValue). Expected one of {'float32', 'float64'}")
    }
    current = dtype
  }
}

/// A Keras layer on float32 or float64 batches: shapes exclude the batch
/// axis, data is row-major and contiguous.
open class Layer {
  /// The layer's name, automatic (`dense_3`) or given.
  public let name: String
  /// Whether training updates the layer's weights.
  public var trainable = true
  /// The per-sample input shape the weights were made for.
  public internal(set) var builtInputShape: [Int]?
  /// The `input_shape=` a layer was made with, which makes a Sequential
  /// model's input.
  public var declaredInputShape: [Int]?
  /// The object that stands for the layer in the language, if any.
  public weak var binding: AnyObject?
  /// The type the layer computes in and keeps its weights in: its inputs
  /// are cast to it and its outputs have it.
  public private(set) var dtype = FloatPrecision.floatx

  /// Names the layer; nil gives Keras's next automatic name for the class.
  public init(name: String?, className: String) {
    self.name = name ?? LayerNaming.uniqueName(LayerNaming.snakeCase(className))
  }

  /// Sets the compute dtype; ValueError once the weights exist or for a
  /// type other than float32 and float64.
  public func setDType(_ wanted: DType) throws {
    guard wanted == .float32 || wanted == .float64 else {
      throw TensorError(
        .valueError, "Layer \(name): dtype must be float32 or float64, not \(wanted.rawValue)")
    }
    guard !isBuilt || variables.isEmpty || wanted == dtype else {
      throw TensorError(.valueError, "Layer \(name) is built; its dtype cannot change")
    }
    dtype = wanted
  }

  /// The Keras class name, as summaries and reprs show it.
  open var className: String { "Layer" }

  /// Whether the layer has made its weights.
  public var isBuilt: Bool { builtInputShape != nil }

  /// The weights, kernel before bias; empty for layers without any.
  open var variables: [Variable] { [] }

  /// The activation applied last in the layer, if it has one.
  open var activation: ActivationKernel? { nil }

  /// The number of weight values.
  public var parameterCount: Int { variables.reduce(0) { $0 + $1.count } }

  /// The bytes the weights take in their dtype.
  public var parameterBytes: Int { variables.reduce(0) { $0 + $1.byteCount } }

  /// The output shape for a per-sample input shape, or ValueError.
  open func outputShape(for input: [Int]) throws -> [Int] { input }

  /// Makes the weights for `input`; called once, before the first use.
  open func build(_ input: [Int]) throws { builtInputShape = input }

  /// Builds on first use and checks later inputs against the weights.
  public func ensureBuilt(_ input: [Int]) throws {
    if let built = builtInputShape {
      if !variables.isEmpty && built != input {
        throw TensorError(
          .valueError,
          "Input of layer \"\(name)\" is incompatible with the layer: expected shape"
            + "=\(formatShapeWithBatch(built)), found shape=\(formatShapeWithBatch(input))")
      }
      return
    }
    try build(input)
  }

  /// Makes the scratch state for one place the layer is used.
  open func makeState() -> LayerState { LayerState() }

  /// Computes `output` for a batch of `batch` samples shaped `input`.
  /// `logits`, when given, receives the values before the activation.
  open func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    let count = batch * input.reduce(1, *)
    y.update(from: x, count: count)
    logits?.update(from: x, count: count)
  }

  /// Back-propagates `dy` (which it may overwrite): fills the variables'
  /// gradients when trainable and, when `dx` is given, the input gradient.
  /// `skipActivation` means `dy` is already the gradient before the
  /// activation (softmax fused with cross-entropy).
  open func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    if let dx { dx.update(from: dy, count: batch * input.reduce(1, *)) }
  }

  /// `forward` in float64, for layers whose dtype is float64.
  open func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    let count = batch * input.reduce(1, *)
    y.update(from: x, count: count)
    logits?.update(from: x, count: count)
  }

  /// `backward` in float64, for layers whose dtype is float64.
  open func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    if let dx { dx.update(from: dy, count: batch * input.reduce(1, *)) }
  }

  /// Keras's repr: `<Dense name=dense_6, built=True>`.
  public var repr: String { "<\(className) name=\(name), built=\(isBuilt ? "True" : "False")>" }
}

/// `(None, 28, 28, 15)`: a per-sample shape with the batch axis shown.
public func formatShapeWithBatch(_ shape: [Int]) -> String {
  "(" + (["None"] + shape.map(String.init)).joined(separator: ", ") + ")"
}

/// The layer kinds the lesson's models use, all fed one tensor.
extension Layer {
  /// The weights as arrays, kernel before bias.
  public func weightArrays() throws -> [NDArray] { try variables.map { try $0.array() } }

  /// Replaces the weights; ValueError when their number or shapes differ.
  public func setWeights(_ arrays: [NDArray]) throws {
    let wanted = variables
    guard arrays.count == wanted.count else {
      throw TensorError(
        .valueError,
        "Layer \(name) weight shape mismatch: expected \(wanted.count) weights,"
          + " received \(arrays.count)")
    }
    for (variable, array) in zip(wanted, arrays) { try variable.assign(array) }
  }

  /// The number of values in one sample of `shape`; ValueError when it is
  /// past what a 64-bit size can count (in bytes of float64).
  public func sampleCount(_ shape: [Int]) throws -> Int {
    do {
      try NDArray.checkAddressable(shape, dtype: .float64)
    } catch {
      throw TensorError(
        .valueError,
        "Layer \"\(name)\" cannot handle samples of shape \(formatShapeWithBatch(shape)):"
          + " they hold more values than 64-bit sizes can count")
    }
    return shape.contains(0) ? 0 : shape.reduce(1, *)
  }

  /// The window geometry of a 2-D sliding-window layer (convolution or
  /// pooling) on channels-last input of shape `input` (batch excluded).
  func windowGeometry(
    batch: Int, input: [Int], window: (Int, Int), strides: (Int, Int), padding: String
  ) throws -> ConvolutionGeometry {
    guard input.count == 3 else {
      throw TensorError(
        .valueError,
        "Input 0 of layer \"\(name)\" is incompatible with the layer: expected ndim=4,"
          + " found ndim=\(input.count + 1). Full shape received: "
          + formatShapeWithBatch(input))
    }
    return try ConvolutionGeometry(
      batch: batch, height: input[0], width: input[1], channels: input[2],
      kernelHeight: window.0, kernelWidth: window.1, strideY: strides.0,
      strideX: strides.1, same: padding == "same")
  }

  /// Fills a variable with Glorot-uniform values for the given fans.
  func glorotUniform(_ variable: Variable, fanIn: Int, fanOut: Int) {
    var generator = NetworkRandom.makeGenerator()
    let limit = (6 / Double(max(fanIn + fanOut, 1))).squareRoot()
    let wide = variable.dtype == .float64
    for i in 0..<variable.count {
      let value = (generator.nextDouble() * 2 - 1) * limit
      if wide {
        variable.value.typed(Double.self)[i] = value
      } else {
        variable.value.pointer[i] = Float(value)
      }
    }
  }
}
