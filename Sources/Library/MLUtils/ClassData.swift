import Language

/// Labelled 2-d points, as the course's helpers take them: `X` of shape
/// (n, 2) and `y` of n class labels.
struct ClassData {
  let x: [Double]
  let y: [Double]
  let classes: [Double]
  /// The distinct labels, ascending; a label's position is its colour.
  let labels: [Double]

  /// Reads `X` and `y`, checking that they match.
  init(x value: Value, y labelsValue: Value) throws {
    (x, y) = try PlotDataReader.points(value, "X")
    classes = try PlotData(labelsValue, context: "y").vector("y")
    guard classes.count == x.count else {
      throw PyError.valueError(
        "X and y must have the same number of rows, got \(x.count) and \(classes.count)")
    }
    guard !x.isEmpty else { throw PyError.valueError("X must hold at least one point") }
    labels = Array(Set(classes)).sorted()
  }

  /// The smallest x and y.
  var mins: (Double, Double) { (x.min() ?? 0, y.min() ?? 0) }
  /// The largest x and y.
  var maxs: (Double, Double) { (x.max() ?? 0, y.max() ?? 0) }

  /// Adds one scatter series per class, with a legend.
  func draw(on axes: AxesState) {
    AxesCommands.addClasses(axes, x: x, y: y, classes: classes, glyph: nil)
  }
}
