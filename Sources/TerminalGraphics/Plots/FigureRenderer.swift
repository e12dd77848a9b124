import Support

/// Draws a figure: its panels side by side in rows, fitted to a width.
public enum FigureRenderer {
  /// Columns between neighbouring panels.
  static let gap = 2
  /// The size of a figure that sets none, in cells.
  static let defaultWidth = 64
  static let defaultHeight = 24

  /// The figure as text no wider than `width` columns, with escape codes
  /// only when `colorDepth` allows colour.
  ///
  /// A figure without a size takes matplotlib's default 6.4 x 4.8 inches
  /// as 64 x 24 cells; a larger figure shrinks to fit, keeping its shape.
  public static func render(
    _ figure: Figure, width: Int, colorDepth depth: Console.ColorDepth
  ) -> String {
    grid(figure, width: width, colorDepth: depth).render(colorDepth: depth)
  }

  /// The figure as a cell grid; see `render`.
  public static func grid(
    _ figure: Figure, width: Int, colorDepth depth: Console.ColorDepth
  ) -> CellGrid {
    let (totalWidth, totalHeight) = size(of: figure, available: width)
    let panelWidth = max(1, (totalWidth - gap * (figure.columns - 1)) / figure.columns)
    let panelHeight = max(6, (totalHeight - (figure.rows - 1)) / figure.rows)

    var rows: [CellGrid] = []
    for row in 0..<figure.rows {
      var panels: [CellGrid] = []
      for column in 0..<figure.columns {
        let index = row * figure.columns + column
        guard index < figure.panels.count, let chart = figure.panels[index] else {
          panels.append(CellGrid(width: panelWidth, height: 0))
          continue
        }
        panels.append(
          ChartRenderer.render(chart, width: panelWidth, height: panelHeight, colorDepth: depth))
      }
      rows.append(joinSideBySide(panels, panelWidth: panelWidth))
    }
    // A panel too narrow for its frame and labels still overflows; the
    // cut keeps the promise that nothing wraps.
    return stack(rows.filter { $0.height > 0 }).cropped(toWidth: max(1, width))
  }

  /// The figure's size in cells: its own (a `figsize` in inches maps to
  /// 10 columns and 5 rows an inch), shrunk proportionally to fit.
  static func size(of figure: Figure, available: Int) -> (Int, Int) {
    let available = max(1, available)
    let wanted = figure.width ?? defaultWidth
    let width = min(wanted, available)
    let height = (figure.height ?? defaultHeight) * width / max(1, wanted)
    return (width, max(6, height))
  }

  private static func joinSideBySide(_ panels: [CellGrid], panelWidth: Int) -> CellGrid {
    let height = panels.map(\.height).max() ?? 0
    let lastWidth = panels.last?.width ?? 0
    let width = max(0, (panelWidth + gap) * (panels.count - 1) + lastWidth)
    var grid = CellGrid(width: width, height: height)
    for (index, panel) in panels.enumerated() {
      grid.paste(panel, column: index * (panelWidth + gap), row: 0)
    }
    return grid
  }

  private static func stack(_ rows: [CellGrid]) -> CellGrid {
    let width = rows.map(\.width).max() ?? 0
    let height = rows.reduce(0) { $0 + $1.height } + max(0, rows.count - 1)
    var grid = CellGrid(width: width, height: height)
    var top = 0
    for row in rows {
      grid.paste(row, column: 0, row: top)
      top += row.height + 1
    }
    return grid
  }
}
