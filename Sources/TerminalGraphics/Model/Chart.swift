/// Points drawn with one glyph and colour, joined as a line (`plot`) or
/// left as markers (`scatter`, one class of a classifier).
public struct DataSeries: Sendable {
  /// The x coordinates.
  public var x: [Double]
  /// The y coordinates, as many as `x`.
  public var y: [Double]
  /// The legend text, if any.
  public var label: String?
  /// The colour, or nil for the terminal's default.
  public var color: RGB?
  /// The glyph of every point, which tells series apart without colour.
  public var glyph: Character

  /// Makes a series.
  public init(x: [Double], y: [Double], label: String? = nil, color: RGB?, glyph: Character) {
    self.x = x
    self.y = y
    self.label = label
    self.color = color
    self.glyph = glyph
  }
}

/// A series drawn as a line.
public typealias LineSeries = DataSeries

/// A series drawn as markers.
public typealias ScatterSeries = DataSeries

/// Classes predicted on a regular grid: the regions a classifier assigns.
public struct RegionMap: Sendable {
  /// Grid points across (x) and down (y).
  public var columns: Int
  /// Grid points along y.
  public var rows: Int
  /// The class index (into `Palette`) at each point, row by row with the
  /// lowest y first and x running fastest, as `np.meshgrid` orders them;
  /// a negative index leaves the point unpainted.
  public var classes: [Int]
  /// The x of the first and last grid column.
  public var xRange: ClosedRange<Double>
  /// The y of the first and last grid row.
  public var yRange: ClosedRange<Double>

  /// Makes a region map; `classes` holds `columns * rows` indices.
  public init(
    columns: Int, rows: Int, classes: [Int], xRange: ClosedRange<Double>,
    yRange: ClosedRange<Double>
  ) {
    self.columns = columns
    self.rows = rows
    self.classes = classes
    self.xRange = xRange
    self.yRange = yRange
  }

  /// The class of the grid point nearest to (x, y), or nil outside.
  func classAt(x: Double, y: Double) -> Int? {
    guard columns > 0, rows > 0, xRange.contains(x), yRange.contains(y) else { return nil }
    let column = Self.nearest(x, xRange, columns)
    let row = Self.nearest(y, yRange, rows)
    let index = row * columns + column
    return index < classes.count && classes[index] >= 0 ? classes[index] : nil
  }

  private static func nearest(_ value: Double, _ range: ClosedRange<Double>, _ count: Int) -> Int {
    let span = range.upperBound - range.lowerBound
    guard span > 0 else { return 0 }
    let position = ((value - range.lowerBound) / span * Double(count - 1)).rounded()
    return max(0, min(count - 1, Int(position)))
  }
}

/// A picture in RGB pixels, top row first.
public struct RasterImage: Sendable {
  /// Pixels across.
  public var width: Int
  /// Pixels down.
  public var height: Int
  /// The pixels, row by row from the top.
  public var pixels: [RGB]

  /// Makes an image; `pixels` holds `width * height` colours.
  public init(width: Int, height: Int, pixels: [RGB]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The pixel at a position, black outside the image.
  func pixel(_ x: Int, _ y: Int) -> RGB {
    guard x >= 0, y >= 0, x < width, y < height, y * width + x < pixels.count else {
      return RGB(0, 0, 0)
    }
    return pixels[y * width + x]
  }
}

/// One panel of a figure: axes with everything drawn on them.
public struct Chart: Sendable {
  /// The title above the panel.
  public var title: String?
  /// The label under the x axis.
  public var xLabel: String?
  /// The label over the y axis.
  public var yLabel: String?
  /// Fixed x limits (`xlim`), or nil to fit the data.
  public var xLimits: ClosedRange<Double>?
  /// Fixed y limits (`ylim`), or nil to fit the data.
  public var yLimits: ClosedRange<Double>?
  /// Whether a legend is shown; scatter plots by class always have one.
  public var showsLegend = false
  /// Whether dotted grid lines mark the ticks.
  public var showsGrid = false
  /// Whether the frame, ticks and labels are drawn (`axis('off')` hides them).
  public var showsAxes = true
  /// Lines, drawn in order.
  public var lines: [LineSeries] = []
  /// Point sets, drawn after lines.
  public var scatters: [ScatterSeries] = []
  /// Class regions, painted under everything else.
  public var regions: RegionMap?
  /// A picture filling the panel (`imshow`).
  public var image: RasterImage?
  /// Bars and histograms, drawn over regions and under lines.
  public var bars: [BarSeries] = []
  /// Filled bands and contour lines, in the order drawn.
  public var contours: [ContourField] = []
  /// Texts and arrows, drawn last.
  public var annotations: [Annotation] = []
  /// Labelled x ticks replacing the numbered ones (a bar chart of names).
  public var xTickLabels: [(value: Double, label: String)]?

  /// Makes an empty chart.
  public init() {}

  /// Whether nothing has been drawn on the chart.
  public var isEmpty: Bool {
    lines.isEmpty && scatters.isEmpty && regions == nil && image == nil && bars.isEmpty
      && contours.isEmpty && annotations.isEmpty
  }
}

/// A figure: panels in a grid of `rows` x `columns`, with a size.
public struct Figure: Sendable {
  /// The panels, row by row; nil where no subplot was made.
  public var panels: [Chart?]
  /// Panel rows.
  public var rows: Int
  /// Panel columns.
  public var columns: Int
  /// The figure's width in cells, or nil for the available width.
  public var width: Int?
  /// The figure's height in rows, or nil for a height from the width.
  public var height: Int?

  /// Makes a figure of `rows` x `columns` empty panels.
  public init(rows: Int = 1, columns: Int = 1, width: Int? = nil, height: Int? = nil) {
    self.rows = max(1, rows)
    self.columns = max(1, columns)
    self.panels = Array(repeating: nil, count: self.rows * self.columns)
    self.width = width
    self.height = height
  }

  /// Makes a figure of one chart.
  public init(_ chart: Chart, width: Int? = nil, height: Int? = nil) {
    self.init(width: width, height: height)
    panels[0] = chart
  }

  /// Whether no panel has anything drawn on it.
  public var isEmpty: Bool { panels.allSatisfy { $0?.isEmpty ?? true } }
}
