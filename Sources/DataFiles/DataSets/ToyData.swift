import Foundation
import Tensors

/// scikit-learn's small synthetic data sets: the noise-free geometry is
/// sklearn's exactly; noise and shuffling come from `RandomGenerator`.
public enum ToyData {
  /// Two interleaving half circles (`make_moons`): `outer` points on the
  /// upper arc (label 0), then `inner` on the lower one (label 1). X is
  /// float64 (n, 2), y int64 (n,).
  public static func moons(
    outer: Int, inner: Int, shuffle: Bool = true, noise: Double? = nil,
    generator: inout RandomGenerator
  ) throws -> (x: NDArray, y: NDArray) {
    try checkCounts(outer, inner)
    var points: [Double] = []
    points.reserveCapacity(2 * (outer + inner))
    for angle in linspace(0, Double.pi, outer, endpoint: true) {
      points += [cos(angle), sin(angle)]
    }
    for angle in linspace(0, Double.pi, inner, endpoint: true) {
      points += [1 - cos(angle), 1 - sin(angle) - 0.5]
    }
    return try finish(
      points, labels: twoClasses(outer, inner), features: 2, shuffle: shuffle, noise: noise,
      generator: &generator)
  }

  /// A large circle (label 0) holding a smaller one scaled by `factor`
  /// (label 1) (`make_circles`); points are spaced evenly without
  /// repeating the start.
  public static func circles(
    outer: Int, inner: Int, shuffle: Bool = true, noise: Double? = nil,
    factor: Double = 0.8, generator: inout RandomGenerator
  ) throws -> (x: NDArray, y: NDArray) {
    try checkCounts(outer, inner)
    guard factor >= 0, factor < 1 else {
      throw DataFileError(
        "ValueError", "make_circles: 'factor' must be in [0.0, 1.0), not \(factor)")
    }
    var points: [Double] = []
    points.reserveCapacity(2 * (outer + inner))
    for angle in linspace(0, 2 * Double.pi, outer, endpoint: false) {
      points += [cos(angle), sin(angle)]
    }
    for angle in linspace(0, 2 * Double.pi, inner, endpoint: false) {
      points += [cos(angle) * factor, sin(angle) * factor]
    }
    return try finish(
      points, labels: twoClasses(outer, inner), features: 2, shuffle: shuffle, noise: noise,
      generator: &generator)
  }

  /// Where `blobs` puts its cluster centres.
  public enum BlobCenters {
    /// This many centres drawn uniformly from `box` in every feature.
    case count(Int)
    /// These centres, one row per cluster.
    case points([[Double]])
  }

  /// Gaussian clusters (`make_blobs`): `samples` split as evenly as
  /// possible (the first clusters get the remainder) unless given per
  /// cluster; cluster i is label i. Returns the centres too.
  public static func blobs(
    samples: [Int], features: Int, centers: BlobCenters, clusterStd: [Double],
    box: (Double, Double) = (-10, 10), shuffle: Bool = true,
    generator: inout RandomGenerator
  ) throws -> (x: NDArray, y: NDArray, centers: NDArray) {
    var features = features
    let centerRows: [[Double]]
    switch centers {
    case .count(let count):
      guard count > 0 else {
        throw DataFileError("ValueError", "make_blobs needs at least one centre, not \(count)")
      }
      guard features > 0 else {
        throw DataFileError("ValueError", "make_blobs: n_features must be positive")
      }
      _ = try NDArray.elementCount([count, features], dtype: .float64)
      centerRows = (0..<count).map { _ in
        (0..<features).map { _ in box.0 + (box.1 - box.0) * generator.nextDouble() }
      }
    case .points(let rows):
      guard let first = rows.first, !first.isEmpty,
        rows.allSatisfy({ $0.count == first.count })
      else {
        throw DataFileError(
          "ValueError", "make_blobs: centers must be a non-empty 2-d array of equal rows")
      }
      features = first.count
      centerRows = rows
    }
    var perCenter = samples
    if samples.count == 1 && centerRows.count != 1 {
      let total = samples[0]
      perCenter = (0..<centerRows.count).map { index in
        total / centerRows.count + (index < total % centerRows.count ? 1 : 0)
      }
    }
    guard perCenter.count == centerRows.count else {
      throw DataFileError(
        "ValueError",
        "make_blobs: \(perCenter.count) sample counts for \(centerRows.count) centres;"
          + " give one count per centre")
    }
    guard perCenter.allSatisfy({ $0 >= 0 }) else {
      throw DataFileError("ValueError", "make_blobs: sample counts cannot be negative")
    }
    let spreads =
      clusterStd.count == 1
      ? Array(repeating: clusterStd[0], count: perCenter.count)
      : clusterStd
    guard spreads.count == perCenter.count else {
      throw DataFileError(
        "ValueError",
        "make_blobs: \(spreads.count) values of cluster_std for \(perCenter.count) centres")
    }
    var total = 0
    for count in perCenter {
      let (sum, overflow) = total.addingReportingOverflow(count)
      guard !overflow else { throw DataFileError("MemoryError", "make_blobs: too many samples") }
      total = sum
    }
    _ = try NDArray.elementCount([total, features], dtype: .float64)
    var points: [Double] = []
    var labels: [Int64] = []
    points.reserveCapacity(total * features)
    labels.reserveCapacity(total)
    for (cluster, count) in perCenter.enumerated() {
      for _ in 0..<count {
        for feature in 0..<features {
          points.append(centerRows[cluster][feature] + spreads[cluster] * generator.nextNormal())
        }
        labels.append(Int64(cluster))
      }
    }
    let (x, y) = try finish(
      points, labels: labels, features: features, shuffle: shuffle, noise: nil,
      generator: &generator)
    let centerArray = try NDArray(centerRows.flatMap { $0 }, shape: [centerRows.count, features])
    return (x, y, centerArray)
  }

  /// NumPy's `linspace`: `i * step` from 0, the last point exactly `stop`
  /// when it is included.
  static func linspace(_ start: Double, _ stop: Double, _ count: Int, endpoint: Bool)
    -> [Double]
  {
    guard count > 0 else { return [] }
    let divisions = endpoint ? count - 1 : count
    guard divisions > 0 else { return [start] }
    let step = (stop - start) / Double(divisions)
    var values = (0..<count).map { Double($0) * step + start }
    if endpoint { values[count - 1] = stop }
    return values
  }

  private static func checkCounts(_ outer: Int, _ inner: Int) throws {
    guard outer >= 0, inner >= 0 else {
      throw DataFileError("ValueError", "the number of samples cannot be negative")
    }
    let (total, overflow) = outer.addingReportingOverflow(inner)
    guard !overflow else {
      throw DataFileError("MemoryError", "too many samples: \(outer) + \(inner)")
    }
    _ = try NDArray.elementCount([total, 2], dtype: .float64)
  }

  private static func twoClasses(_ outer: Int, _ inner: Int) -> [Int64] {
    Array(repeating: 0, count: outer) + Array(repeating: 1, count: inner)
  }

  /// Shuffles rows (Fisher-Yates), then adds Gaussian noise, in the order
  /// sklearn applies them.
  private static func finish(
    _ points: [Double], labels: [Int64], features: Int, shuffle: Bool, noise: Double?,
    generator: inout RandomGenerator
  ) throws -> (x: NDArray, y: NDArray) {
    var points = points
    var labels = labels
    let count = labels.count
    if shuffle && count > 1 {
      let order = permutation(count, generator: &generator)
      points = order.flatMap { points[($0 * features)..<(($0 + 1) * features)] }
      labels = order.map { labels[$0] }
    }
    if let noise {
      guard noise >= 0 else {
        throw DataFileError("ValueError", "noise must be non-negative, not \(noise)")
      }
      for index in points.indices { points[index] += noise * generator.nextNormal() }
    }
    return (
      try NDArray(points, shape: [count, features]), try NDArray(labels, shape: [count])
    )
  }

  /// A uniformly random ordering of `0..<count`.
  public static func permutation(_ count: Int, generator: inout RandomGenerator) -> [Int] {
    var order = Array(0..<max(count, 0))
    guard order.count > 1 else { return order }
    for index in stride(from: order.count - 1, to: 0, by: -1) {
      order.swapAt(index, generator.nextInt(below: index + 1))
    }
    return order
  }
}
