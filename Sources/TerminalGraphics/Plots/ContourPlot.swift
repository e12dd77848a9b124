import Support

extension PlotArea {
  /// Paints the bands of a filled contour: with colour, two half-cells a
  /// cell (`▀`, top in the foreground, bottom in the background) in the
  /// band colours; without colour, a shade from light to dense per band.
  mutating func fill(_ field: ContourField, depth: Console.ColorDepth) {
    let bands = max(1, field.levels.count - 1)
    for row in 0..<rows {
      for column in 0..<columns {
        let x = xCenter(column)
        if depth == .none {
          guard let value = field.value(x: x, y: yCenter(row)), let band = field.band(value)
          else { continue }
          let ramp = ImagePlot.ramp
          let step = bands > 1 ? band * (ramp.count - 1) / (bands - 1) : 0
          grid[column, row] = Cell(ramp[max(0, min(ramp.count - 1, step))])
          continue
        }
        let top = field.value(x: x, y: yCenter(2 * row, parts: 2)).flatMap(field.band)
        let bottom = field.value(x: x, y: yCenter(2 * row + 1, parts: 2)).flatMap(field.band)
        let topColor = top.flatMap { color(field, $0) }
        let bottomColor = bottom.flatMap { color(field, $0) }
        if topColor == nil && bottomColor == nil { continue }
        if topColor == bottomColor {
          grid[column, row] = Cell(" ", background: topColor)
        } else {
          grid[column, row] = Cell("▀", foreground: topColor, background: bottomColor)
        }
      }
    }
  }

  /// Draws contour lines in braille dots: a dot wherever the field
  /// crosses a level between neighbouring dots, in that level's colour.
  mutating func drawContourLines(_ fields: [ContourField], depth: Console.ColorDepth) {
    guard !fields.isEmpty else { return }
    var canvas = BrailleCanvas(columns: columns, rows: rows)
    let width = canvas.pixelWidth
    let height = canvas.pixelHeight
    for field in fields {
      // Each dot's side of every level, on the dot grid, so a crossing
      // shows where two neighbours differ.
      var sides = [Int?](repeating: nil, count: width * height)
      for py in 0..<height {
        for px in 0..<width {
          let x = xCenter(px, parts: 2)
          let y = yCenter(py, parts: 4)
          sides[py * width + px] = field.value(x: x, y: y).map(field.side)
        }
      }
      for py in 0..<height {
        for px in 0..<width {
          guard let here = sides[py * width + px] else { continue }
          var crossed: Int?
          for (nx, ny) in [(px + 1, py), (px, py + 1)] where nx < width && ny < height {
            guard let there = sides[ny * width + nx], there != here else { continue }
            crossed = max(here, there) - 1
          }
          guard let level = crossed else { continue }
          let color = depth == .none ? nil : color(field, level)
          canvas.set(x: px, y: py, color: color)
        }
      }
    }
    canvas.draw(onto: &grid, column: 0, row: 0)
  }

  private func color(_ field: ContourField, _ index: Int) -> RGB? {
    guard index >= 0, index < field.colors.count else { return nil }
    return field.colors[index]
  }
}
