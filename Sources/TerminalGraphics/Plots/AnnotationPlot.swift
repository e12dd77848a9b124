import Support

extension PlotArea {
  /// Writes each annotation's first line at its anchor's cell (clipped to
  /// the area, keeping the background), after a braille arrow from the
  /// anchor to the point it names, ending in a dot on that point.
  mutating func drawAnnotations(_ annotations: [Annotation], depth: Console.ColorDepth) {
    var canvas = BrailleCanvas(columns: columns, rows: rows)
    var hasArrows = false
    for annotation in annotations {
      guard let target = annotation.arrowTo, let start = dot(annotation.x, annotation.y),
        let end = dot(target.x, target.y)
      else { continue }
      canvas.line(from: start, to: end, color: depth == .none ? nil : annotation.color)
      hasArrows = true
    }
    if hasArrows { canvas.draw(onto: &grid, column: 0, row: 0) }

    for annotation in annotations {
      guard let (column, row) = cell(x: annotation.x, y: annotation.y) else { continue }
      let text = String(annotation.text.split(separator: "\n").first ?? "")
      let start: Int
      switch annotation.alignment {
      case .left: start = column
      case .center: start = column - text.count / 2
      case .right: start = column - text.count + 1
      }
      let clipped = max(0, min(start, columns - text.count))
      grid.write(
        text, column: clipped, row: row, foreground: depth == .none ? nil : annotation.color)
    }
  }

  /// The braille dot under a data point, or nil outside the area.
  private func dot(_ x: Double, _ y: Double) -> (x: Int, y: Int)? {
    let fx = xFraction(x)
    let fy = yFraction(y)
    guard fx.isFinite, fy.isFinite, fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { return nil }
    return (
      min(columns * 2 - 1, Int(fx * Double(columns * 2))),
      min(rows * 4 - 1, Int(fy * Double(rows * 4)))
    )
  }
}
