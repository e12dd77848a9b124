import Support

extension PlotArea {
  /// Draws lines: in braille dots, or, when several series share a plot
  /// without colour, in each series' glyph at cell resolution so they
  /// stay apart.
  mutating func drawLines(_ lines: [LineSeries], depth: Console.ColorDepth) {
    if depth == .none && lines.count > 1 {
      for series in lines { drawGlyphs(series) }
      return
    }
    var canvas = BrailleCanvas(columns: columns, rows: rows)
    for series in lines {
      let color = depth == .none ? nil : series.color
      for (start, end) in segments(series, width: canvas.pixelWidth, height: canvas.pixelHeight) {
        canvas.line(from: start, to: end, color: color)
      }
    }
    canvas.draw(onto: &grid, column: 0, row: 0)
  }

  private mutating func drawGlyphs(_ series: LineSeries) {
    for (start, end) in segments(series, width: columns, height: rows) {
      let steps = max(abs(end.x - start.x), abs(end.y - start.y), 1)
      for step in 0...steps {
        let x = start.x + (end.x - start.x) * step / steps
        let y = start.y + (end.y - start.y) * step / steps
        grid[x, y] = Cell(series.glyph, background: grid[x, y].background)
      }
    }
  }

  /// The series' segments in pixels of a `width` x `height` grid (from
  /// the top left), clipped to the area; a lone point is a segment of
  /// length zero, and points that are not finite break the line.
  private func segments(
    _ series: LineSeries, width: Int, height: Int
  ) -> [((x: Int, y: Int), (x: Int, y: Int))] {
    let count = min(series.x.count, series.y.count)
    let points = (0..<count).map { (xFraction(series.x[$0]), yFraction(series.y[$0])) }
    var result: [((x: Int, y: Int), (x: Int, y: Int))] = []
    func pixel(_ point: (Double, Double)) -> (x: Int, y: Int) {
      (
        max(0, min(width - 1, Int(point.0 * Double(width)))),
        max(0, min(height - 1, Int(point.1 * Double(height))))
      )
    }
    for index in 0..<count {
      let start = points[index]
      let end = index + 1 < count ? points[index + 1] : start
      if index + 1 == count && count > 1 { break }
      guard let clipped = Self.clip(start, end) else { continue }
      result.append((pixel(clipped.0), pixel(clipped.1)))
    }
    return result
  }

  /// The part of a segment inside the unit square (Liang-Barsky), or nil.
  private static func clip(
    _ start: (Double, Double), _ end: (Double, Double)
  ) -> ((Double, Double), (Double, Double))? {
    guard start.0.isFinite, start.1.isFinite, end.0.isFinite, end.1.isFinite else {
      return nil
    }
    let dx = end.0 - start.0
    let dy = end.1 - start.1
    var low = 0.0
    var high = 1.0
    let edges = [(-dx, start.0), (dx, 1 - start.0), (-dy, start.1), (dy, 1 - start.1)]
    for (p, q) in edges {
      if p == 0 {
        if q < 0 { return nil }
      } else {
        let t = q / p
        if p < 0 { low = max(low, t) } else { high = min(high, t) }
      }
    }
    guard low <= high else { return nil }
    return (
      (start.0 + low * dx, start.1 + low * dy), (start.0 + high * dx, start.1 + high * dy)
    )
  }
}
