#if canImport(Glibc)
  import Glibc
#endif

/// The element-wise activations Keras offers, applied in place to float32
/// rows, and their derivatives written in terms of the activation's output.
public enum ActivationKernel: String, Sendable, CaseIterable {
  case linear, relu, sigmoid, tanh, softmax, elu
  case leakyRelu = "leaky_relu"

  /// The slope `leaky_relu` gives negative inputs (Keras's default).
  public static let leakySlope: Float = 0.2

  /// Replaces `values` (rows of `width`) by the activation of them.
  public func apply(_ values: UnsafeMutablePointer<Float>, count: Int, width: Int) {
    switch self {
    case .linear: return
    case .relu:
      for i in 0..<count { values[i] = max(values[i], 0) }
    case .sigmoid:
      for i in 0..<count { values[i] = Self.sigmoid(values[i]) }
    case .tanh:
      for i in 0..<count { values[i] = tanhf(values[i]) }
    case .elu:
      for i in 0..<count where values[i] <= 0 { values[i] = expm1f(values[i]) }
    case .leakyRelu:
      for i in 0..<count where values[i] < 0 { values[i] *= Self.leakySlope }
    case .softmax:
      guard width > 0 else { return }
      for row in 0..<(count / width) { Self.softmaxRow(values + row * width, width) }
    }
  }

  /// Turns `gradient` (dL/dy) into dL/dx in place, given the outputs `y`.
  public func backward(
    output y: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>,
    count: Int, width: Int
  ) {
    switch self {
    case .linear: return
    case .relu:
      // Eight lanes at a time: the compiler does not vectorise the scalar
      // loop because `y` and `gradient` might overlap.
      var i = 0
      while i + 8 <= count {
        let keep = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self) .> 0
        var lanes = UnsafeRawPointer(gradient + i).loadUnaligned(as: SIMD8<Float>.self)
        lanes.replace(with: 0, where: .!keep)
        UnsafeMutableRawPointer(gradient + i).storeBytes(of: lanes, as: SIMD8<Float>.self)
        i += 8
      }
      while i < count {
        gradient[i] = y[i] > 0 ? gradient[i] : 0
        i += 1
      }
    case .sigmoid:
      for i in 0..<count { gradient[i] *= y[i] * (1 - y[i]) }
    case .tanh:
      for i in 0..<count { gradient[i] *= 1 - y[i] * y[i] }
    case .elu:
      for i in 0..<count where !(y[i] > 0) { gradient[i] *= y[i] + 1 }
    case .leakyRelu:
      for i in 0..<count where !(y[i] > 0) { gradient[i] *= Self.leakySlope }
    case .softmax:
      guard width > 0 else { return }
      for row in 0..<(count / width) {
        let p = y + row * width
        let g = gradient + row * width
        var dot: Float = 0
        for j in 0..<width { dot += p[j] * g[j] }
        for j in 0..<width { g[j] = p[j] * (g[j] - dot) }
      }
    }
  }

  /// The logistic function, without overflow for large inputs.
  @inline(__always)
  public static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
  }

  /// Softmax of one row, shifted by its maximum for stability.
  public static func softmaxRow(_ row: UnsafeMutablePointer<Float>, _ width: Int) {
    var top = -Float.infinity
    for j in 0..<width where row[j] > top { top = row[j] }
    var total: Float = 0
    for j in 0..<width {
      row[j] = expf(row[j] - top)
      total += row[j]
    }
    let scale = 1 / total
    for j in 0..<width { row[j] *= scale }
  }
}
