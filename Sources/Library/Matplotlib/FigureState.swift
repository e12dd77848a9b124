import Support
import TerminalGraphics

/// One set of axes as drawn so far: its chart and how many series it has
/// (so that each new series takes the next colour and glyph).
final class AxesState {
  /// What is drawn on the axes.
  var chart = Chart()
  /// Series added so far, for the colour cycle.
  var seriesCount = 0
  /// Scatter calls so far, for the glyph cycle.
  var scatterCount = 0
}

/// A figure as pyplot builds it: a grid of axes and a size in cells.
final class FigureState {
  /// The figure's number, as `plt.figure(num)` and the repr show it.
  let number: Int
  /// Panel rows and columns.
  private(set) var rows = 1
  private(set) var columns = 1
  /// The axes by panel index, row by row; nil where none was made.
  private(set) var axes: [AxesState?] = [nil]
  /// The index of the axes `plt` functions draw on.
  var currentIndex = 0
  /// The size from `figsize`, in cells.
  var width: Int?
  var height: Int?
  /// A title over the whole figure (`suptitle`).
  var title: String?

  /// Makes an empty figure.
  init(number: Int, width: Int? = nil, height: Int? = nil) {
    self.number = number
    self.width = width
    self.height = height
  }

  /// The size in cells of a `figsize` in inches: 10 columns and 5 rows an
  /// inch, so matplotlib's default 6.4 x 4.8 becomes 64 x 24.
  static func cells(inches: (Double, Double)) -> (Int, Int) {
    func clamp(_ value: Double) -> Int { Int(max(1, min(1000, value.isFinite ? value : 1))) }
    return (clamp(inches.0 * 10), clamp(inches.1 * 5))
  }

  /// The axes at a panel of a `rows` x `columns` grid, made if needed;
  /// changing the grid keeps the axes already made where they fit.
  func axes(rows: Int, columns: Int, index: Int) -> AxesState {
    if rows != self.rows || columns != self.columns {
      var regridded = [AxesState?](repeating: nil, count: rows * columns)
      for (position, existing) in axes.enumerated() where position < regridded.count {
        regridded[position] = existing
      }
      axes = regridded
      self.rows = rows
      self.columns = columns
    }
    currentIndex = index
    if let existing = axes[index] { return existing }
    let made = AxesState()
    axes[index] = made
    return made
  }

  /// The axes `plt` functions draw on, made if the figure has none.
  var currentAxes: AxesState {
    axes(rows: rows, columns: columns, index: min(currentIndex, rows * columns - 1))
  }

  /// Whether nothing has been drawn.
  var isEmpty: Bool { axes.allSatisfy { $0?.chart.isEmpty ?? true } && title == nil }

  /// The figure as text at the console's width and colour depth.
  func render(width available: Int, colorDepth: Console.ColorDepth) -> String {
    var figure = Figure(rows: rows, columns: columns, width: width, height: height)
    figure.panels = axes.map { $0?.chart }
    var text = FigureRenderer.render(figure, width: available, colorDepth: colorDepth)
    if let title {
      let size = FigureRenderer.grid(figure, width: available, colorDepth: .none).width
      let pad = max(0, (size - title.count) / 2)
      text = String(repeating: " ", count: pad) + title + "\n" + text
    }
    return text
  }
}
