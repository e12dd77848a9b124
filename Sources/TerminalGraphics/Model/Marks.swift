/// One rectangle of a bar chart or histogram, in data coordinates.
public struct Bar: Sendable, Equatable {
  /// The x of the left edge.
  public var left: Double
  /// The width along x.
  public var width: Double
  /// The y the bar grows from.
  public var bottom: Double
  /// The signed height; negative bars grow downwards.
  public var height: Double

  /// Makes a bar.
  public init(left: Double, width: Double, bottom: Double = 0, height: Double) {
    self.left = left
    self.width = width
    self.bottom = bottom
    self.height = height
  }
}

/// Bars drawn with one colour and, without colour, one fill character.
public struct BarSeries: Sendable {
  /// The bars.
  public var bars: [Bar]
  /// The legend text, if any.
  public var label: String?
  /// The colour, or nil for the terminal's default.
  public var color: RGB?
  /// The character that fills the bars when several series share a plot
  /// without colour.
  public var fill: Character

  /// Makes a series.
  public init(bars: [Bar], label: String? = nil, color: RGB?, fill: Character) {
    self.bars = bars
    self.label = label
    self.color = color
    self.fill = fill
  }
}

/// Values sampled on a regular grid, drawn as filled bands between levels
/// (`contourf`) or as lines along the levels (`contour`).
public struct ContourField: Sendable {
  /// Grid points along x.
  public var columns: Int
  /// Grid points along y.
  public var rows: Int
  /// The values row by row, lowest y first and x running fastest, as
  /// `np.meshgrid` orders them; NaN leaves a point out.
  public var values: [Double]
  /// The x of the first and last grid column.
  public var xRange: ClosedRange<Double>
  /// The y of the first and last grid row.
  public var yRange: ClosedRange<Double>
  /// The levels, ascending.
  public var levels: [Double]
  /// Whether the bands between levels are filled.
  public var filled: Bool
  /// The colour of each band (filled) or level (lines).
  public var colors: [RGB?]

  /// Makes a field; `values` holds `columns * rows` numbers.
  public init(
    columns: Int, rows: Int, values: [Double], xRange: ClosedRange<Double>,
    yRange: ClosedRange<Double>, levels: [Double], filled: Bool, colors: [RGB?]
  ) {
    self.columns = columns
    self.rows = rows
    self.values = values
    self.xRange = xRange
    self.yRange = yRange
    self.levels = levels
    self.filled = filled
    self.colors = colors
  }

  /// The value at (x, y), interpolated between the four grid points
  /// around it; nil outside the grid or next to a missing value.
  func value(x: Double, y: Double) -> Double? {
    guard columns > 0, rows > 0, values.count >= columns * rows,
      xRange.contains(x), yRange.contains(y)
    else { return nil }
    let (column, u) = Self.position(x, xRange, columns)
    let (row, v) = Self.position(y, yRange, rows)
    let right = min(column + 1, columns - 1)
    let up = min(row + 1, rows - 1)
    let a = values[row * columns + column]
    let b = values[row * columns + right]
    let c = values[up * columns + column]
    let d = values[up * columns + right]
    let result = (a * (1 - u) + b * u) * (1 - v) + (c * (1 - u) + d * u) * v
    return result.isFinite ? result : nil
  }

  /// The band a value falls in, counted from the lowest level up: band
  /// `i` holds values above level `i` up to level `i + 1` (the lowest
  /// band also holds its lower level itself); nil outside all levels.
  func band(_ value: Double) -> Int? {
    guard levels.count >= 2, let first = levels.first, value >= first else { return nil }
    for index in 1..<levels.count where value <= levels[index] { return index - 1 }
    return nil
  }

  /// How many levels lie at or below a value: the side of each contour
  /// line that a point is on.
  func side(_ value: Double) -> Int {
    levels.reduce(0) { $0 + (value >= $1 ? 1 : 0) }
  }

  /// The grid cell below `value` and how far past it the value lies.
  private static func position(
    _ value: Double, _ range: ClosedRange<Double>, _ count: Int
  ) -> (Int, Double) {
    let span = range.upperBound - range.lowerBound
    guard span > 0, count > 1 else { return (0, 0) }
    let exact = (value - range.lowerBound) / span * Double(count - 1)
    let index = max(0, min(count - 2, Int(exact.rounded(.down))))
    return (index, max(0, min(1, exact - Double(index))))
  }
}

/// Text placed at a point of the data (`text`, `annotate`), with an
/// optional arrow from the text to another point.
public struct Annotation: Sendable {
  /// How text lines up with its anchor along x.
  public enum Alignment: Sendable {
    case left
    case center
    case right
  }

  /// The text; only its first line is shown.
  public var text: String
  /// Where the text is anchored, in data coordinates.
  public var x: Double
  public var y: Double
  /// How the text sits relative to the anchor.
  public var alignment: Alignment
  /// The point an arrow from the text reaches, if any.
  public var arrowTo: (x: Double, y: Double)?
  /// The text's colour, or nil for the terminal's default.
  public var color: RGB?

  /// Makes an annotation.
  public init(
    text: String, x: Double, y: Double, alignment: Alignment = .left,
    arrowTo: (x: Double, y: Double)? = nil, color: RGB? = nil
  ) {
    self.text = text
    self.x = x
    self.y = y
    self.alignment = alignment
    self.arrowTo = arrowTo
    self.color = color
  }
}
