import Tensors

#if canImport(Glibc)
  import Glibc
#endif

/// A Keras loss: the per-row value Keras computes and its gradient, with
/// cross-entropy on probabilities clipped to [1e-7, 1 - 1e-7].
public struct Loss: Sendable {
  /// The loss functions Keras names.
  public enum Kind: String, Sendable {
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case binaryCrossentropy = "binary_crossentropy"
    case meanSquaredError = "mean_squared_error"
    case meanAbsoluteError = "mean_absolute_error"
  }

  /// Which function.
  public var kind: Kind
  /// Whether predictions are logits rather than probabilities.
  public var fromLogits: Bool

  /// Keras's fuzz factor.
  public static let epsilon = 1e-7

  /// Makes a loss.
  public init(_ kind: Kind, fromLogits: Bool = false) {
    self.kind = kind
    self.fromLogits = fromLogits
  }

  /// Looks a loss up by any of Keras's names (`mse`, `mae`, ...).
  public init(named name: String) throws {
    let aliases: [String: Kind] = [
      "mse": .meanSquaredError, "mae": .meanAbsoluteError,
      "MeanSquaredError": .meanSquaredError, "MeanAbsoluteError": .meanAbsoluteError,
      "SparseCategoricalCrossentropy": .sparseCategoricalCrossentropy,
      "CategoricalCrossentropy": .categoricalCrossentropy,
      "BinaryCrossentropy": .binaryCrossentropy,
    ]
    guard let kind = Kind(rawValue: name) ?? aliases[name] else {
      throw TensorError(.valueError, "Could not interpret loss identifier: \(name)")
    }
    self.init(kind)
  }

  /// Whether cross-entropy should be taken on the logits before the
  /// model's final activation, as Keras does when the output is a softmax
  /// or sigmoid (it reads the logits behind such outputs).
  public func fuses(with activation: ActivationKernel?) -> Bool {
    guard !fromLogits, let activation else { return false }
    switch kind {
    case .sparseCategoricalCrossentropy, .categoricalCrossentropy: return activation == .softmax
    case .binaryCrossentropy: return activation == .sigmoid
    default: return false
    }
  }

  /// The sum of the per-row losses of a batch; writes the gradient of the
  /// batch's mean loss into `gradient` when given. `values` are
  /// probabilities, or logits when `logits` is true. `targets` hold one
  /// class index per row for the sparse loss, else `width` values a row.
  public func evaluate<T: KernelScalar>(
    _ values: UnsafePointer<T>, logits: Bool, targets: UnsafePointer<T>,
    rows: Int, width: Int, gradient: UnsafeMutablePointer<T>?
  ) throws -> Double {
    var total = 0.0
    let scale = 1 / T(max(rows, 1))
    for r in 0..<rows {
      let v = values + r * width
      let g = gradient.map { $0 + r * width }
      switch kind {
      case .sparseCategoricalCrossentropy:
        let label = targets[r]
        let index = Int(exactly: Double(label).rounded(.towardZero)) ?? -1
        guard index >= 0, index < width else {
          throw TensorError(
            .valueError,
            "Received a label value of \(formatLabel(Double(label))) which is outside the valid"
              + " range of [0, \(width)).")
        }
        total +=
          logits
          ? Self.sparseFromLogits(v, index, width, g, scale)
          : Self.sparseFromProbabilities(v, index, width, g, scale)
      case .categoricalCrossentropy:
        let t = targets + r * width
        total +=
          logits
          ? Self.categoricalFromLogits(v, t, width, g, scale)
          : Self.categoricalFromProbabilities(v, t, width, g, scale)
      case .binaryCrossentropy:
        total += Self.binary(v, targets + r * width, width, logits, g, scale)
      case .meanSquaredError, .meanAbsoluteError:
        let t = targets + r * width
        var sum: T = 0
        for j in 0..<width {
          let d = v[j] - t[j]
          if kind == .meanSquaredError {
            sum += d * d
            g?[j] = 2 * d / T(width) * scale
          } else {
            sum += abs(d)
            g?[j] = (d > 0 ? 1 : d < 0 ? -1 : 0) / T(width) * scale
          }
        }
        total += Double(sum / T(width))
      }
    }
    return total
  }

  private func formatLabel(_ label: Double) -> String {
    // Whole labels read as integers; infinities and huge values must not
    // go through Int, which traps outside its range.
    let whole = label.isFinite && abs(label) < 1e15 && label == label.rounded()
    return whole ? String(Int(label)) : String(label)
  }

  private static func clip<T: KernelScalar>(_ x: T) -> T {
    min(max(x, T(epsilon)), 1 - T(epsilon))
  }

  private static func inRange<T: KernelScalar>(_ x: T) -> Bool {
    x >= T(epsilon) && x <= 1 - T(epsilon)
  }

  private static func logSumExp<T: KernelScalar>(_ z: UnsafePointer<T>, _ width: Int) -> T {
    var top = -T.infinity
    for j in 0..<width where z[j] > top { top = z[j] }
    var sum: T = 0
    for j in 0..<width { sum += T.exponential(z[j] - top) }
    return top + T.logarithm(sum)
  }

  private static func sparseFromLogits<T: KernelScalar>(
    _ z: UnsafePointer<T>, _ label: Int, _ width: Int,
    _ g: UnsafeMutablePointer<T>?, _ scale: T
  ) -> Double {
    let lse = logSumExp(z, width)
    if let g {
      for j in 0..<width { g[j] = (T.exponential(z[j] - lse) - (j == label ? 1 : 0)) * scale }
    }
    return Double(lse - z[label])
  }

  private static func sparseFromProbabilities<T: KernelScalar>(
    _ p: UnsafePointer<T>, _ label: Int, _ width: Int,
    _ g: UnsafeMutablePointer<T>?, _ scale: T
  ) -> Double {
    // Keras takes log(clip(p)) as logits of a softmax cross-entropy.
    var sum: T = 0
    for j in 0..<width { sum += clip(p[j]) }
    if let g {
      for j in 0..<width {
        let c = clip(p[j])
        g[j] = inRange(p[j]) ? (1 / sum - (j == label ? 1 / c : 0)) * scale : 0
      }
    }
    return Double(T.logarithm(sum) - T.logarithm(clip(p[label])))
  }

  private static func categoricalFromLogits<T: KernelScalar>(
    _ z: UnsafePointer<T>, _ t: UnsafePointer<T>, _ width: Int,
    _ g: UnsafeMutablePointer<T>?, _ scale: T
  ) -> Double {
    let lse = logSumExp(z, width)
    var loss: T = 0
    var targetSum: T = 0
    for j in 0..<width {
      loss += t[j] * (lse - z[j])
      targetSum += t[j]
    }
    if let g {
      for j in 0..<width { g[j] = (T.exponential(z[j] - lse) * targetSum - t[j]) * scale }
    }
    return Double(loss)
  }

  private static func categoricalFromProbabilities<T: KernelScalar>(
    _ p: UnsafePointer<T>, _ t: UnsafePointer<T>, _ width: Int,
    _ g: UnsafeMutablePointer<T>?, _ scale: T
  ) -> Double {
    var sum: T = 0
    for j in 0..<width { sum += p[j] }
    var loss: T = 0
    for j in 0..<width { loss -= t[j] * T.logarithm(clip(p[j] / sum)) }
    if let g {
      // d/dp_k of -sum t_i log clip(p_i / S): through the clip and the normalisation.
      var weighted: T = 0
      for j in 0..<width {
        let q = p[j] / sum
        let dq: T = inRange(q) ? -t[j] / clip(q) : 0
        g[j] = dq
        weighted += dq * q
      }
      for j in 0..<width { g[j] = (g[j] - weighted) / sum * scale }
    }
    return Double(loss)
  }

  private static func binary<T: KernelScalar>(
    _ v: UnsafePointer<T>, _ t: UnsafePointer<T>, _ width: Int, _ logits: Bool,
    _ g: UnsafeMutablePointer<T>?, _ scale: T
  ) -> Double {
    var loss: T = 0
    let share = scale / T(width)
    for j in 0..<width {
      if logits {
        let z = v[j]
        loss += max(z, 0) - z * t[j] + T.logarithmOnePlus(T.exponential(-abs(z)))
        g?[j] = (ActivationKernel.sigmoid(z) - t[j]) * share
      } else {
        let c = clip(v[j])
        loss -= t[j] * T.logarithm(c) + (1 - t[j]) * T.logarithm(1 - c)
        g?[j] = inRange(v[j]) ? (-t[j] / c + (1 - t[j]) / (1 - c)) * share : 0
      }
    }
    return Double(loss / T(width))
  }
}
