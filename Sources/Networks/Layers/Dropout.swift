import Tensors

/// Zeroes each input with probability `rate` while training and scales the
/// rest by `1 / (1 - rate)`; the identity otherwise.
public final class Dropout: Layer {
  /// The fraction of inputs dropped.
  public let rate: Double
  /// The mask's shape with the batch axis first; nil entries follow the
  /// input (Keras's `noise_shape`).
  public let noiseShape: [Int?]?
  /// The seed given to the layer, if any.
  public let seed: Int?
  private var generator: RandomGenerator

  final class State: LayerState {
    let mask = FloatBuffer()
  }

  /// Makes a Dropout layer; ValueError unless `0 <= rate < 1`.
  public init(rate: Double, noiseShape: [Int?]? = nil, seed: Int? = nil, name: String?) throws {
    guard rate >= 0, rate < 1, rate.isFinite else {
      throw TensorError(
        .valueError,
        "Invalid value received for argument `rate`. Expected a float value between 0 and 1."
          + " Received: rate=\(rate)")
    }
    self.rate = rate
    self.noiseShape = noiseShape
    self.seed = seed
    generator =
      seed.map { RandomGenerator(seed: UInt64(bitPattern: Int64($0))) }
      ?? NetworkRandom.makeGenerator()
    super.init(name: name, className: "Dropout")
  }

  public override var className: String { "Dropout" }

  public override func makeState() -> LayerState { State() }

  public override func forward(
    _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Float>?
  ) throws {
    try drop(x, into: y, batch: batch, input: input, training: training, state: state)
  }

  public override func forward(
    _ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, batch: Int,
    input: [Int], training: Bool, state: LayerState, logits: UnsafeMutablePointer<Double>?
  ) throws {
    try drop(x, into: y, batch: batch, input: input, training: training, state: state)
  }

  private func drop<T: KernelScalar>(
    _ x: UnsafePointer<T>, into y: UnsafeMutablePointer<T>, batch: Int, input: [Int],
    training: Bool, state: LayerState
  ) throws {
    let count = batch * input.reduce(1, *)
    guard training, rate > 0, let state = state as? State else {
      y.update(from: x, count: count)
      return
    }
    try state.mask.reserve(count, of: T.self)
    let mask = state.mask.typed(T.self)
    let scale = T(1 / (1 - rate))
    let keep = 1 - rate
    let full = [batch] + input
    let noise = try resolvedNoiseShape(full)
    if noise == full {
      for i in 0..<count { mask[i] = generator.nextDouble() < keep ? scale : 0 }
    } else {
      // Draw the smaller mask, then broadcast it over the axes of size 1.
      let noiseCount = noise.reduce(1, *)
      var drawn = [T](repeating: 0, count: noiseCount)
      for i in 0..<noiseCount { drawn[i] = generator.nextDouble() < keep ? scale : 0 }
      let noiseStrides = NDArray.contiguousStrides(noise)
      var index = [Int](repeating: 0, count: full.count)
      for i in 0..<count {
        var source = 0
        for axis in 0..<full.count where noise[axis] != 1 {
          source += index[axis] * noiseStrides[axis]
        }
        mask[i] = drawn[source]
        var axis = full.count - 1
        while axis >= 0 {
          index[axis] += 1
          if index[axis] < full[axis] { break }
          index[axis] = 0
          axis -= 1
        }
      }
    }
    for i in 0..<count { y[i] = x[i] * mask[i] }
  }

  private func resolvedNoiseShape(_ full: [Int]) throws -> [Int] {
    guard let noiseShape else { return full }
    guard noiseShape.count == full.count else {
      throw TensorError(
        .valueError,
        "noise_shape \(noiseShape.map { $0.map(String.init) ?? "None" }) does not match"
          + " the input's rank \(full.count)")
    }
    return try zip(noiseShape, full).map { wanted, actual in
      guard let wanted else { return actual }
      guard wanted == 1 || wanted == actual else {
        throw TensorError(
          .valueError, "noise_shape entries must be 1, None or the input's size")
      }
      return wanted
    }
  }

  public override func backward(
    x: UnsafePointer<Float>, y: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>,
    dx: UnsafeMutablePointer<Float>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    mask(dy, into: dx, batch: batch, input: input, state: state)
  }

  public override func backward(
    x: UnsafePointer<Double>, y: UnsafePointer<Double>, dy: UnsafeMutablePointer<Double>,
    dx: UnsafeMutablePointer<Double>?, batch: Int, input: [Int], state: LayerState,
    skipActivation: Bool
  ) throws {
    mask(dy, into: dx, batch: batch, input: input, state: state)
  }

  private func mask<T: KernelScalar>(
    _ dy: UnsafeMutablePointer<T>, into dx: UnsafeMutablePointer<T>?, batch: Int,
    input: [Int], state: LayerState
  ) {
    guard let dx else { return }
    let count = batch * input.reduce(1, *)
    guard rate > 0, let state = state as? State else {
      dx.update(from: dy, count: count)
      return
    }
    let mask = state.mask.typed(T.self)
    for i in 0..<count { dx[i] = dy[i] * mask[i] }
  }
}
