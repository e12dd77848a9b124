/// A canvas of braille dots, 2 across and 4 down in each cell, one colour
/// per cell (the last drawn wins), for smooth lines.
struct BrailleCanvas {
  /// The size in cells.
  let columns: Int
  let rows: Int
  private var dots: [UInt8]
  private var colors: [RGB?]

  /// Bit of the dot at (x, y) within a cell, as Unicode numbers them.
  private static let dotBits: [[UInt8]] = [
    [0x01, 0x02, 0x04, 0x40],
    [0x08, 0x10, 0x20, 0x80],
  ]

  /// Makes an empty canvas of `columns` x `rows` cells.
  init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
    dots = Array(repeating: 0, count: self.columns * self.rows)
    colors = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// The size in dots.
  var pixelWidth: Int { columns * 2 }
  var pixelHeight: Int { rows * 4 }

  /// Sets the dot at a pixel position (from the top left), if inside.
  mutating func set(x: Int, y: Int, color: RGB?) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    let index = (y / 4) * columns + x / 2
    dots[index] |= Self.dotBits[x % 2][y % 4]
    colors[index] = color
  }

  /// Draws a straight line of dots between two pixel positions.
  mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), color: RGB?) {
    let dx = abs(end.x - start.x)
    let dy = -abs(end.y - start.y)
    let stepX = start.x < end.x ? 1 : -1
    let stepY = start.y < end.y ? 1 : -1
    var error = dx + dy
    var x = start.x
    var y = start.y
    // A line through the plot is at most a few thousand dots long; the
    // bound keeps a huge coordinate from looping for long.
    for _ in 0...(dx - dy + 1) {
      set(x: x, y: y, color: color)
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// Draws the dotted cells onto `grid` at an offset, keeping each
  /// cell's background.
  func draw(onto grid: inout CellGrid, column: Int, row: Int) {
    for y in 0..<rows {
      for x in 0..<columns where dots[y * columns + x] != 0 {
        let scalar = Unicode.Scalar(0x2800 + UInt32(dots[y * columns + x])) ?? " "
        let background = grid[column + x, row + y].background
        grid[column + x, row + y] = Cell(
          Character(scalar), foreground: colors[y * columns + x], background: background)
      }
    }
  }
}
