import Language
import Tensors

/// Counts of values per bin, computed as `np.histogram` computes them, so
/// that `plt.hist` draws the bars NumPy would count.
struct Histogram {
  /// The bin edges, one more than the bins.
  let edges: [Double]
  /// The (weighted) count in each bin.
  let counts: [Double]

  /// Bins `values` into `bins` equal bins over `range` (or the values'
  /// extent), or into the bins between explicit `edges`.
  init(
    _ values: [Double], bins: Int? = nil, edges given: [Double]? = nil,
    range: (Double, Double)? = nil, weights: [Double]? = nil
  ) throws {
    if let weights, weights.count != values.count {
      throw PyError.valueError("weights should have the same shape as a.")
    }
    if let given {
      guard !given.isEmpty else {
        throw PyError.valueError("`bins` must be 1d, when an array")
      }
      for index in given.indices.dropFirst() where !(given[index] >= given[index - 1]) {
        throw PyError.valueError("`bins` must increase monotonically, when an array")
      }
      edges = given
      counts = Self.countSorted(values, edges: given, weights: weights)
      return
    }
    let count = bins ?? 10
    guard count >= 1 else { throw PyError.valueError("`bins` must be positive, when an integer") }
    guard count <= 10_000_000 else {
      throw PyError(.memoryError, "too many bins for a histogram: \(count)")
    }
    var (first, last) = try Self.outerEdges(values, range: range)
    if first == last {
      first -= 0.5
      last += 0.5
    }
    edges = Self.linspace(first, last, count + 1)
    for index in edges.indices.dropFirst() where !(edges[index] > edges[index - 1]) {
      throw PyError.valueError(
        "Too many bins for data range. Cannot create \(count) finite-sized bins.")
    }
    counts = Self.countEqual(
      values, edges: edges, first: first, last: last, bins: count, weights: weights)
  }

  /// The range to bin over: `range` checked, or the finite extent.
  private static func outerEdges(
    _ values: [Double], range: (Double, Double)?
  ) throws -> (Double, Double) {
    if let (low, high) = range {
      guard low <= high else {
        throw PyError.valueError("max must be larger than min in range parameter.")
      }
      guard low.isFinite, high.isFinite else {
        throw PyError.valueError("supplied range of [\(low), \(high)] is not finite")
      }
      return (low, high)
    }
    guard let low = values.min(), let high = values.max() else { return (0, 1) }
    guard values.allSatisfy(\.isFinite) else {
      let shown = values.contains(where: \.isNaN) ? ("nan", "nan") : ("\(low)", "\(high)")
      throw PyError.valueError("autodetected range of [\(shown.0), \(shown.1)] is not finite")
    }
    return (low, high)
  }

  /// `np.linspace(start, stop, count)`, computed as NumPy does.
  static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    let step = (stop - start) / Double(count - 1)
    var values = (0..<count).map { Double($0) * step + start }
    values[count - 1] = stop
    return values
  }

  /// Equal bins: NumPy's index from the value's position, then nudged by
  /// comparing with the edges so rounding never puts a value in the
  /// wrong bin; the last bin includes its right edge.
  private static func countEqual(
    _ values: [Double], edges: [Double], first: Double, last: Double, bins: Int,
    weights: [Double]?
  ) -> [Double] {
    var counts = [Double](repeating: 0, count: bins)
    let span = last - first
    for (position, value) in values.enumerated() where value >= first && value <= last {
      var index = Int(((value - first) / span) * Double(bins))
      if index == bins { index -= 1 }
      if value < edges[index] { index = max(0, index - 1) }
      if index != bins - 1 && value >= edges[index + 1] { index += 1 }
      counts[index] += weights?[position] ?? 1
    }
    return counts
  }

  /// Explicit edges: bin `i` holds `edges[i] <= v < edges[i + 1]`, the
  /// last one its right edge too.
  private static func countSorted(
    _ values: [Double], edges: [Double], weights: [Double]?
  ) -> [Double] {
    let bins = max(0, edges.count - 1)
    var counts = [Double](repeating: 0, count: bins)
    guard bins > 0, let low = edges.first, let high = edges.last else { return counts }
    for (position, value) in values.enumerated() where value >= low && value <= high {
      // The last edge not above the value, by binary search.
      var lower = 0
      var upper = edges.count
      while lower < upper {
        let middle = (lower + upper) / 2
        if edges[middle] <= value { lower = middle + 1 } else { upper = middle }
      }
      counts[min(bins - 1, max(0, lower - 1))] += weights?[position] ?? 1
    }
    return counts
  }

  /// The counts divided by the total and the bin widths, so the bars'
  /// area is one (`density=True`).
  var densities: [Double] {
    let total = counts.reduce(0, +)
    return counts.indices.map { counts[$0] / (edges[$0 + 1] - edges[$0]) / total }
  }
}

/// `np.histogram(a, bins=10, range=None, density=None, weights=None)`.
func defineHistogram(_ np: PyModule) {
  np.function("histogram") { args in
    let a = try args.bind("histogram(a, bins=10, range=None, density=None, weights=None)")
    let values = try a.array("a").values(as: Double.self)
    let weights = try a.optional("weights").map { try $0.asNDArray().values(as: Double.self) }
    let histogram = try Histogram.reading(
      values, bins: a.optional("bins"), range: a.optional("range"), weights: weights,
      function: "histogram")
    let edges = Value(array: try NDArray(histogram.edges, shape: [histogram.edges.count]))
    if try a.bool("density", default: false) {
      let densities = histogram.densities
      return .tuple([Value(array: try NDArray(densities, shape: [densities.count])), edges])
    }
    let counts: NDArray
    if weights == nil {
      counts = try NDArray(histogram.counts.map { Int64($0) }, shape: [histogram.counts.count])
    } else {
      counts = try NDArray(histogram.counts, shape: [histogram.counts.count])
    }
    return .tuple([Value(array: counts), edges])
  }
}

extension Histogram {
  /// A histogram from a call's `bins` and `range` arguments: an int, a
  /// sequence of edges, or None for ten bins.
  static func reading(
    _ values: [Double], bins: Value?, range: Value?, weights: [Double]?, function: String
  ) throws -> Histogram {
    var limits: (Double, Double)?
    if let range {
      let pair = try range.asNDArray(context: "\(function)() argument 'range'")
        .values(as: Double.self)
      guard pair.count == 2 else {
        throw PyError.valueError("too many values to unpack (expected 2)")
      }
      limits = (pair[0], pair[1])
    }
    switch bins {
    case nil:
      return try Histogram(values, bins: 10, range: limits, weights: weights)
    case .int(let count)?:
      return try Histogram(values, bins: count, range: limits, weights: weights)
    case .string(let rule)?:
      // TODO: NumPy's bin-width rules ('auto', 'fd', 'sturges', ...) are
      // not implemented; ask for a number of bins instead.
      throw PyError.valueError(
        "mlscript takes bins as a number or a list of edges, not the rule '\(rule)'")
    case .some(let other):
      let edges = try other.asNDArray(context: "\(function)() argument 'bins'")
      if edges.ndim == 0 {
        return try Histogram(values, bins: try other.asInt(), range: limits, weights: weights)
      }
      guard edges.ndim == 1 else {
        throw PyError.valueError("`bins` must be 1d, when an array")
      }
      return try Histogram(values, edges: edges.values(as: Double.self), weights: weights)
    }
  }
}
