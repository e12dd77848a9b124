import Support

extension PlotArea {
  /// Draws each point as its series' glyph in its colour, over whatever
  /// is beneath (keeping a region's background). A cell shared by several
  /// series shows the one with most points there (the later on a tie), so
  /// overlapping classes keep their proportions.
  mutating func drawMarkers(_ scatters: [ScatterSeries], depth: Console.ColorDepth) {
    var counts: [Int: [Int]] = [:]
    for (index, series) in scatters.enumerated() {
      for point in 0..<min(series.x.count, series.y.count) {
        guard let (column, row) = cell(x: series.x[point], y: series.y[point]) else {
          continue
        }
        counts[row * columns + column, default: Array(repeating: 0, count: scatters.count)][
          index] += 1
      }
    }
    for (position, perSeries) in counts {
      var winner = 0
      for index in perSeries.indices where perSeries[index] >= perSeries[winner] {
        winner = index
      }
      let series = scatters[winner]
      let (column, row) = (position % columns, position / columns)
      let under = grid[column, row]
      // A half-block cell shows two regions; the glyph keeps the top one.
      let background = under.character == "▀" ? under.foreground : under.background
      grid[column, row] = Cell(
        series.glyph, foreground: depth == .none ? nil : series.color,
        background: depth == .none ? nil : background)
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
