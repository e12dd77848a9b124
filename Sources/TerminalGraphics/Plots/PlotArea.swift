/// The inside of a chart's frame: a cell grid and the data ranges it
/// shows, with the mapping from data coordinates to cells and dots.
struct PlotArea {
  /// The cells inside the frame.
  var grid: CellGrid
  /// The x values at the left and right edges.
  let xRange: ClosedRange<Double>
  /// The y values at the bottom and top edges.
  let yRange: ClosedRange<Double>

  /// Makes an empty area of `columns` x `rows` cells.
  init(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
    grid = CellGrid(width: columns, height: rows)
    self.xRange = xRange
    self.yRange = yRange
  }

  var columns: Int { grid.width }
  var rows: Int { grid.height }

  /// Where x falls across `count` equal bins, as a fraction in 0...1.
  func xFraction(_ x: Double) -> Double {
    (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
  }

  /// Where y falls from the top, as a fraction in 0...1.
  func yFraction(_ y: Double) -> Double {
    (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound)
  }

  /// The cell holding a data point, or nil when it lies outside.
  func cell(x: Double, y: Double) -> (column: Int, row: Int)? {
    let fx = xFraction(x)
    let fy = yFraction(y)
    guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { return nil }
    return (
      min(columns - 1, Int(fx * Double(columns))), min(rows - 1, Int(fy * Double(rows)))
    )
  }

  /// The x at the centre of a column divided into `parts` sub-columns.
  func xCenter(_ column: Int, parts: Int = 1) -> Double {
    let span = xRange.upperBound - xRange.lowerBound
    return xRange.lowerBound + (Double(column) + 0.5) / Double(columns * parts) * span
  }

  /// The y at the centre of a row divided into `parts` sub-rows.
  func yCenter(_ row: Int, parts: Int = 1) -> Double {
    let span = yRange.upperBound - yRange.lowerBound
    return yRange.upperBound - (Double(row) + 0.5) / Double(rows * parts) * span
  }
}
