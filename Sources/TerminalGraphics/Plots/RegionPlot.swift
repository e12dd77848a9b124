import Support

extension PlotArea {
  /// Paints each class's region: with colour, two half-cells a cell
  /// (`▀`, top in the foreground, bottom in the background) in the muted
  /// class colours; without colour, a light shade per class at each
  /// cell's centre, so the boundary shows where the shading changes.
  mutating func paint(_ regions: RegionMap, depth: Console.ColorDepth) {
    for row in 0..<rows {
      for column in 0..<columns {
        let x = xCenter(column)
        if depth == .none {
          guard let region = regions.classAt(x: x, y: yCenter(row)) else { continue }
          grid[column, row] = Cell(Palette.regionShade(region))
          continue
        }
        let top = regions.classAt(x: x, y: yCenter(2 * row, parts: 2))
        let bottom = regions.classAt(x: x, y: yCenter(2 * row + 1, parts: 2))
        if top == nil && bottom == nil { continue }
        if top == bottom {
          grid[column, row] = Cell(" ", background: top.map(Palette.regionColor))
          continue
        }
        grid[column, row] = Cell(
          "▀", foreground: top.map(Palette.regionColor),
          background: bottom.map(Palette.regionColor))
      }
    }
  }
}
