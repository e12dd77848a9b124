import Language
import Tensors
import TerminalGraphics

/// The course's decision boundary: `predict` is called once on an n x n
/// grid spanning the data's box widened by 20% of each bound's own
/// magnitude, and each grid point's prediction paints its class region.
struct DecisionBoundary {
  let predict: PyObject
  /// Grid points along each axis.
  let count: Int
  /// The grid's x values and y values (`np.linspace`).
  let xs: [Double]
  let ys: [Double]

  /// Checks `predict` and lays out the grid.
  init(
    predict value: Value, mins: (Double, Double), maxs: (Double, Double), count: Int = 200
  ) throws {
    guard let callable = value.object(as: PyObject.self) else {
      throw PyError.typeError("'\(value.typeName)' object is not callable")
    }
    guard count >= 2, count <= 1000 else {
      throw PyError.valueError("n must be from 2 to 1000, got \(count)")
    }
    predict = callable
    self.count = count
    xs = Self.linspace(mins.0 - abs(mins.0) * 0.2, maxs.0 + abs(maxs.0) * 0.2, count)
    ys = Self.linspace(mins.1 - abs(mins.1) * 0.2, maxs.1 + abs(maxs.1) * 0.2, count)
  }

  /// `np.linspace(start, stop, count)`, computed as NumPy does.
  static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    let step = (stop - start) / Double(count - 1)
    var values = (0..<count).map { Double($0) * step + start }
    values[count - 1] = stop
    return values
  }

  /// The grid as an (n*n, 2) float64 array in `np.meshgrid` order: x runs
  /// fastest, then y.
  func gridArray() throws -> NDArray {
    var values: [Double] = []
    values.reserveCapacity(count * count * 2)
    for y in ys {
      for x in xs {
        values.append(x)
        values.append(y)
      }
    }
    return try NDArray(values, shape: [count * count, 2])
  }

  /// Calls `predict`, paints its regions on `axes` under the points, and
  /// returns the shares of grid points predicted as 0 and as 1, as NumPy
  /// float64 scalars.
  func draw(on axes: AxesState, labels: [Double]) throws -> Value {
    let result = try predict.call(Arguments([Value(array: try gridArray())]))
    let predictions = try PlotData(result, context: "predict() result")
    let total = count * count
    guard predictions.values.count == total else {
      let shape = AxesCommands.formatShapeText(predictions.shape)
      throw PyError.valueError(
        "predict must return one class per grid point (\(total) values), got shape \(shape);"
          + " for class probabilities use .argmax(axis=1)")
    }

    let zeros = predictions.values.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
    let ones = predictions.values.reduce(0) { $0 + ($1 == 1 ? 1 : 0) }
    axes.chart.regions = RegionMap(
      columns: count, rows: count, classes: classIndices(predictions.values, labels: labels),
      xRange: xs[0]...max(xs[0], xs[count - 1]), yRange: ys[0]...max(ys[0], ys[count - 1]))
    axes.chart.showsLegend = true

    return .tuple([
      Value(array: NDArray(scalar: Double(zeros) / Double(total))),
      Value(array: NDArray(scalar: Double(ones) / Double(total))),
    ])
  }

  /// Each prediction's colour: the position of the nearest class label,
  /// so probabilities paint as their rounded class; NaN stays unpainted.
  private func classIndices(_ predictions: [Double], labels: [Double]) -> [Int] {
    let known = labels.isEmpty ? [0, 1] : labels
    var positions: [Double: Int] = [:]
    for (index, label) in known.enumerated() { positions[label] = index }
    return predictions.map { value in
      if let exact = positions[value] { return exact }
      guard value.isFinite else { return -1 }
      var best = 0
      for (index, label) in known.enumerated()
      where abs(label - value) < abs(known[best] - value) {
        best = index
      }
      return best
    }
  }
}
