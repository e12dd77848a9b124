import Support

/// One character cell of the terminal: a glyph and its colours.
public struct Cell: Equatable, Sendable {
  /// The character shown; a single column wide.
  public var character: Character
  /// The glyph's colour, or nil for the terminal's default.
  public var foreground: RGB?
  /// The cell's background, or nil for the terminal's default.
  public var background: RGB?

  /// Makes a cell.
  public init(_ character: Character, foreground: RGB? = nil, background: RGB? = nil) {
    self.character = character
    self.foreground = foreground
    self.background = background
  }

  /// An empty cell with default colours.
  public static let blank = Cell(" ")
}

/// A rectangle of cells that plots draw into and then render as text.
public struct CellGrid: Sendable {
  /// The number of columns.
  public let width: Int
  /// The number of rows.
  public let height: Int
  /// The cells, row by row from the top.
  public private(set) var cells: [Cell]

  /// Makes a grid of blank cells; negative sizes count as zero.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  /// The cell at a column and row; writes outside the grid are dropped.
  public subscript(column: Int, row: Int) -> Cell {
    get {
      guard contains(column: column, row: row) else { return .blank }
      return cells[row * width + column]
    }
    set {
      guard contains(column: column, row: row) else { return }
      cells[row * width + column] = newValue
    }
  }

  /// Whether a position lies inside the grid.
  public func contains(column: Int, row: Int) -> Bool {
    column >= 0 && column < width && row >= 0 && row < height
  }

  /// Writes `text` from a position rightwards, clipped at the edge.
  public mutating func write(
    _ text: String, column: Int, row: Int, foreground: RGB? = nil
  ) {
    // TODO: wide characters (CJK, emoji) take two columns but count as
    // one here, so a title made of them can push a line past the frame.
    var position = column
    for character in text {
      if position >= width { break }
      self[position, row] = Cell(
        character, foreground: foreground, background: self[position, row].background)
      position += 1
    }
  }

  /// Copies `other` in with its top-left corner at a position, clipped.
  public mutating func paste(_ other: CellGrid, column: Int, row: Int) {
    for y in 0..<other.height {
      for x in 0..<other.width {
        self[column + x, row + y] = other.cells[y * other.width + x]
      }
    }
  }

  /// The grid cut to at most `columns` columns from the left.
  public func cropped(toWidth columns: Int) -> CellGrid {
    guard columns < width else { return self }
    var result = CellGrid(width: columns, height: height)
    result.paste(self, column: 0, row: 0)
    return result
  }

  /// The grid as text lines, with escape codes only when `depth` allows
  /// colour; plain trailing spaces are trimmed.
  public func lines(colorDepth depth: Console.ColorDepth) -> [String] {
    (0..<height).map { line($0, depth: depth) }
  }

  /// The grid as text, one line per row, each ending in a newline.
  public func render(colorDepth depth: Console.ColorDepth) -> String {
    var text = ""
    for line in lines(colorDepth: depth) {
      text += line
      text += "\n"
    }
    return text
  }

  private func line(_ row: Int, depth: Console.ColorDepth) -> String {
    let start = row * width
    var end = start + width
    while end > start, isPlainBlank(cells[end - 1], depth: depth) { end -= 1 }

    var text = ""
    text.reserveCapacity((end - start) * (depth == .none ? 1 : 8))
    var foreground: RGB?
    var background: RGB?
    var styled = false
    for cell in cells[start..<end] {
      if depth != .none && (cell.foreground != foreground || cell.background != background) {
        foreground = cell.foreground
        background = cell.background
        styled = foreground != nil || background != nil
        text += ANSI.style(foreground: foreground, background: background, depth: depth)
      }
      text.append(cell.character)
    }
    if styled { text += ANSI.reset }
    return text
  }

  private func isPlainBlank(_ cell: Cell, depth: Console.ColorDepth) -> Bool {
    cell.character == " " && (depth == .none || cell.background == nil)
  }
}
