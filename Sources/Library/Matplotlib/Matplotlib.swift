import Language
import TerminalGraphics

/// What other bindings (the course's helpers) use of pyplot's state.
enum Matplotlib {
  /// The axes `plt` functions draw on, in the current figure.
  static var currentAxes: AxesState { PendingFigures.currentFigure.currentAxes }
}

/// Reading numbers from language values for the plotting helpers.
enum PlotDataReader {
  /// Two numbers (a bound per column), from an array, list or tuple.
  static func pair(_ value: Value, _ context: String) throws -> (Double, Double) {
    let values = try PlotData(value, context: context).values
    guard values.count == 2 else {
      throw PyError.valueError("\(context) must hold 2 numbers, one per column")
    }
    return (values[0], values[1])
  }

  /// The rows of a 2-column array as x and y coordinates.
  static func points(_ value: Value, _ context: String) throws -> (x: [Double], y: [Double]) {
    let data = try PlotData(value, context: context)
    guard data.shape.count == 2, data.shape[1] == 2 else {
      throw PyError.valueError(
        "\(context) must have shape (n, 2), got \(AxesCommands.formatShapeText(data.shape))")
    }
    let rows = data.shape[0]
    return (
      (0..<rows).map { data.values[2 * $0] }, (0..<rows).map { data.values[2 * $0 + 1] }
    )
  }
}
