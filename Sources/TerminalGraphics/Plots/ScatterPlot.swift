import Support

extension PlotArea {
  /// Draws each point as its series' glyph in its colour, over whatever
  /// is beneath (keeping a region's background); later series win a
  /// shared cell.
  mutating func draw(_ scatters: [ScatterSeries], depth: Console.ColorDepth) {
    for series in scatters {
      let color = depth == .none ? nil : series.color
      for index in 0..<min(series.x.count, series.y.count) {
        guard let (column, row) = cell(x: series.x[index], y: series.y[index]) else {
          continue
        }
        let under = grid[column, row]
        // A half-block cell shows two regions; the glyph keeps the top one.
        let background = under.character == "▀" ? under.foreground : under.background
        grid[column, row] = Cell(
          series.glyph, foreground: color, background: depth == .none ? nil : background)
      }
    }
  }

  /// Marks the tick positions with dotted lines in empty cells.
  mutating func drawGrid(
    columns tickColumns: [Int], rows tickRows: [Int], depth: Console.ColorDepth
  ) {
    let color = depth == .none ? nil : Palette.gridColor
    for row in 0..<rows {
      for column in 0..<columns
      where tickColumns.contains(column) || tickRows.contains(row) {
        if grid[column, row] == .blank { grid[column, row] = Cell("·", foreground: color) }
      }
    }
  }
}
