/// NumPy's global generator behind `np.random.*`: seeded from the session
/// seed until `np.random.seed(n)` fixes it.
public enum GlobalRandom {
  /// The generator `np.random` draws from.
  nonisolated(unsafe) public static var generator = SessionSeed.makeGenerator()

  /// Restarts the global stream from `seed`.
  public static func seed(_ seed: UInt64) {
    generator = RandomGenerator(seed: seed)
  }
}

extension RandomGenerator {
  /// Float64 samples uniform in `[low, high)`.
  public mutating func uniform(_ shape: [Int], low: Double = 0, high: Double = 1) throws
    -> NDArray
  {
    let out = try NDArray(uninitialized: shape, dtype: .float64)
    let p = out.pointer(as: Double.self)
    for i in 0..<out.count { p[i] = low + (high - low) * nextDouble() }
    return out
  }

  /// Float64 samples from a normal distribution.
  public mutating func normal(_ shape: [Int], mean: Double = 0, deviation: Double = 1) throws
    -> NDArray
  {
    let out = try NDArray(uninitialized: shape, dtype: .float64)
    let p = out.pointer(as: Double.self)
    for i in 0..<out.count { p[i] = mean + deviation * nextNormal() }
    return out
  }

  /// Int64 samples uniform in `[low, high)`.
  public mutating func integers(_ shape: [Int], low: Int, high: Int) throws -> NDArray {
    guard high > low else { throw TensorError(.valueError, "low >= high") }
    let out = try NDArray(uninitialized: shape, dtype: .int64)
    let p = out.pointer(as: Int64.self)
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow else { throw TensorError(.valueError, "high - low is too large") }
    for i in 0..<out.count { p[i] = Int64(low + nextInt(below: span)) }
    return out
  }

  /// A random ordering of `0..<count` (Fisher-Yates).
  public mutating func permutation(_ count: Int) -> [Int] {
    var order = Array(0..<max(count, 0))
    if order.count > 1 {
      for i in stride(from: order.count - 1, to: 0, by: -1) {
        order.swapAt(i, nextInt(below: i + 1))
      }
    }
    return order
  }

  /// Positions drawn from `0..<count`, with or without replacement,
  /// optionally weighted by probabilities `p`.
  public mutating func choice(
    _ count: Int, size: Int, replace: Bool = true, p: [Double]? = nil
  ) throws -> [Int] {
    _ = try NDArray.elementCount([size], dtype: .int64)
    guard count > 0 || size == 0 else {
      throw TensorError(.valueError, "a cannot be empty unless no samples are taken")
    }
    if let p {
      guard p.count == count else {
        throw TensorError(.valueError, "a and p must have same size")
      }
      let total = p.reduce(0, +)
      guard abs(total - 1) < 1e-8, !p.contains(where: { $0 < 0 }) else {
        throw TensorError(.valueError, "probabilities do not sum to 1")
      }
      var cumulative: [Double] = []
      var running = 0.0
      for w in p {
        running += w
        cumulative.append(running)
      }
      guard replace else {
        var remaining = p
        var picks: [Int] = []
        guard size <= p.filter({ $0 > 0 }).count else {
          throw TensorError(.valueError, "Fewer non-zero entries in p than size")
        }
        for _ in 0..<size {
          let sum = remaining.reduce(0, +)
          var u = nextDouble() * sum
          var pick = remaining.count - 1
          for (i, w) in remaining.enumerated() where w > 0 {
            if u < w {
              pick = i
              break
            }
            u -= w
          }
          picks.append(pick)
          remaining[pick] = 0
        }
        return picks
      }
      return (0..<size).map { _ in
        let u = nextDouble() * running
        return cumulative.firstIndex { u < $0 } ?? (count - 1)
      }
    }
    if replace { return (0..<size).map { _ in nextInt(below: count) } }
    guard size <= count else {
      throw TensorError(
        .valueError, "Cannot take a larger sample than population when 'replace=False'")
    }
    return Array(permutation(count).prefix(size))
  }
}
