#if canImport(Glibc)
  import Glibc
#endif

/// The element-wise activations Keras offers, applied in place to float32
/// or float64 rows, and their derivatives written in terms of the
/// activation's output.
public enum ActivationKernel: String, Sendable, CaseIterable {
  case linear, relu, sigmoid, tanh, softmax, elu
  case leakyRelu = "leaky_relu"

  /// The slope `leaky_relu` gives negative inputs (Keras's default).
  public static let leakySlope = 0.2

  /// Replaces `values` (rows of `width`) by the activation of them.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public func apply<T: KernelScalar>(_ values: UnsafeMutablePointer<T>, count: Int, width: Int) {
    switch self {
    case .linear: return
    case .relu:
      for i in 0..<count { values[i] = max(values[i], 0) }
    case .sigmoid:
      for i in 0..<count { values[i] = Self.sigmoid(values[i]) }
    case .tanh:
      for i in 0..<count { values[i] = T.hyperbolicTangent(values[i]) }
    case .elu:
      for i in 0..<count where values[i] <= 0 { values[i] = T.exponentialMinusOne(values[i]) }
    case .leakyRelu:
      let slope = T(Self.leakySlope)
      for i in 0..<count where values[i] < 0 { values[i] *= slope }
    case .softmax:
      guard width > 0 else { return }
      for row in 0..<(count / width) { Self.softmaxRow(values + row * width, width) }
    }
  }

  /// Turns `gradient` (dL/dy) into dL/dx in place, given the outputs `y`.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public func backward<T: KernelScalar>(
    output y: UnsafePointer<T>, gradient: UnsafeMutablePointer<T>,
    count: Int, width: Int
  ) {
    switch self {
    case .linear: return
    case .relu:
      T.zeroWhereNotPositive(y, gradient, count: count)
    case .sigmoid:
      for i in 0..<count { gradient[i] *= y[i] * (1 - y[i]) }
    case .tanh:
      for i in 0..<count { gradient[i] *= 1 - y[i] * y[i] }
    case .elu:
      for i in 0..<count where !(y[i] > 0) { gradient[i] *= y[i] + 1 }
    case .leakyRelu:
      let slope = T(Self.leakySlope)
      for i in 0..<count where !(y[i] > 0) { gradient[i] *= slope }
    case .softmax:
      guard width > 0 else { return }
      for row in 0..<(count / width) {
        let p = y + row * width
        let g = gradient + row * width
        var dot: T = 0
        for j in 0..<width { dot += p[j] * g[j] }
        for j in 0..<width { g[j] = p[j] * (g[j] - dot) }
      }
    }
  }

  /// The logistic function, without overflow for large inputs.
  @inlinable @inline(__always)
  public static func sigmoid<T: KernelScalar>(_ x: T) -> T {
    if x >= 0 { return 1 / (1 + T.exponential(-x)) }
    let e = T.exponential(x)
    return e / (1 + e)
  }

  /// Softmax of one row, shifted by its maximum for stability.
  @inlinable
  public static func softmaxRow<T: KernelScalar>(_ row: UnsafeMutablePointer<T>, _ width: Int) {
    var top = -T.infinity
    for j in 0..<width where row[j] > top { top = row[j] }
    var total: T = 0
    for j in 0..<width {
      row[j] = T.exponential(row[j] - top)
      total += row[j]
    }
    let scale = 1 / total
    for j in 0..<width { row[j] *= scale }
  }
}
