import Support

extension PlotArea {
  /// Blocks filling the lower eighths of a cell, from none to all.
  static let lowerBlocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// Draws bars as solid blocks in their series' colour, with the top of
  /// each bar in eighths of a cell; when several series share a plot
  /// without colour, each fills its cells with its own character instead.
  mutating func drawBars(_ series: [BarSeries], depth: Console.ColorDepth) {
    let useFill = depth == .none && series.count > 1
    for item in series {
      let color = depth == .none ? nil : item.color
      for bar in item.bars
      where bar.left.isFinite && bar.width.isFinite && bar.bottom.isFinite
        && bar.height.isFinite
      {
        for column in barColumns(bar) {
          fillColumn(column, bar, color: color, fill: useFill ? item.fill : nil)
        }
      }
    }
  }

  /// The columns a bar covers: those whose centre lies inside it, or the
  /// one under its middle when it is narrower than a cell.
  private func barColumns(_ bar: Bar) -> [Int] {
    let scale = Double(columns)
    let a = xFraction(min(bar.left, bar.left + bar.width)) * scale
    let b = xFraction(max(bar.left, bar.left + bar.width)) * scale
    guard b >= 0, a <= scale else { return [] }
    let first = max(0, Int(max(-1, (a - 0.5).rounded(.up))))
    let last = min(columns - 1, Int(min(scale, (b - 0.5).rounded(.up))) - 1)
    if first <= last { return Array(first...last) }
    let middle = ((a + b) / 2).rounded(.down)
    return middle >= 0 && middle < scale ? [Int(middle)] : []
  }

  /// Fills one column of a bar, cell by cell from its top end to its
  /// bottom end, each cell by the eighths the bar covers.
  private mutating func fillColumn(_ column: Int, _ bar: Bar, color: RGB?, fill: Character?) {
    let eighths = Double(rows * 8)
    let high = max(bar.bottom, bar.bottom + bar.height)
    let low = min(bar.bottom, bar.bottom + bar.height)
    let top = max(0, min(eighths, yFraction(high) * eighths))
    let bottom = max(0, min(eighths, yFraction(low) * eighths))
    guard bottom > top else { return }
    for row in Int(top / 8)..<min(rows, Int((bottom / 8).rounded(.up))) {
      let cellTop = Double(row * 8)
      let covered = Int((min(bottom, cellTop + 8) - max(top, cellTop)).rounded())
      guard covered > 0 else { continue }
      let character: Character
      if let fill {
        guard covered >= 4 else { continue }
        character = fill
      } else if covered >= 8 {
        character = "█"
      } else if bottom >= cellTop + 7.5 {
        character = Self.lowerBlocks[covered]
      } else if top <= cellTop + 0.5 {
        // A bar growing downwards ends inside this cell, at its top; there
        // are only eighth and half blocks hanging from a cell's top.
        character = covered >= 6 ? "█" : covered >= 3 ? "▀" : "▔"
      } else {
        character = Self.lowerBlocks[covered]
      }
      grid[column, row] = Cell(
        character, foreground: color, background: grid[column, row].background)
    }
  }
}
