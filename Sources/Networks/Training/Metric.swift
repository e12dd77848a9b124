import Tensors

/// A metric Keras reports as the mean over samples of a per-row value.
public struct Metric: Sendable {
  /// The per-row values.
  public enum Kind: Sendable {
    case sparseCategoricalAccuracy, categoricalAccuracy, binaryAccuracy
    case meanSquaredError, meanAbsoluteError
  }

  /// The name it is logged under (`accuracy`, `mse`).
  public var name: String
  /// What it computes.
  public var kind: Kind

  /// Makes a metric.
  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }

  /// The sum over rows of the per-row value.
  public func evaluate<T: KernelScalar>(
    _ p: UnsafePointer<T>, targets: UnsafePointer<T>, rows: Int, width: Int,
    targetWidth: Int
  ) -> Double {
    var total = 0.0
    for r in 0..<rows {
      let v = p + r * width
      switch kind {
      case .sparseCategoricalAccuracy:
        total += T(Self.argmax(v, width)) == targets[r] ? 1 : 0
      case .categoricalAccuracy:
        let t = targets + r * targetWidth
        total += Self.argmax(v, width) == Self.argmax(t, targetWidth) ? 1 : 0
      case .binaryAccuracy:
        let t = targets + r * width
        var hits = 0
        for j in 0..<width where (v[j] > 0.5 ? 1 : 0) == t[j] { hits += 1 }
        total += Double(hits) / Double(width)
      case .meanSquaredError, .meanAbsoluteError:
        let t = targets + r * width
        var sum: T = 0
        for j in 0..<width {
          let d = v[j] - t[j]
          sum += kind == .meanSquaredError ? d * d : abs(d)
        }
        total += Double(sum / T(width))
      }
    }
    return total
  }

  static func argmax<T: KernelScalar>(_ v: UnsafePointer<T>, _ width: Int) -> Int {
    var best = 0
    for j in 1..<max(width, 1) where v[j] > v[best] { best = j }
    return best
  }
}
