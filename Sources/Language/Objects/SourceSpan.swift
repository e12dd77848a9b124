/// Where a piece of program text came from.
public struct SourceOrigin: Sendable, Equatable {
  /// The file's path, or `<stdin>`, `<string>`, `<repl>`.
  public var file: String
  /// The lesson cell's number (1-based) when the text is one cell.
  public var cell: Int?
  /// The cell's title, when it has one.
  public var cellTitle: String?
  /// The file line of the text's first line, minus one.
  public var lineOffset: Int

  /// Makes an origin.
  public init(file: String, cell: Int? = nil, cellTitle: String? = nil, lineOffset: Int = 0) {
    self.file = file
    self.cell = cell
    self.cellTitle = cellTitle
    self.lineOffset = lineOffset
  }
}

/// A range of program text: lines and columns are 1-based, the end column
/// is exclusive, both as the user sees them in the text they ran.
public struct SourceSpan: Sendable, Equatable {
  /// The text the span is in.
  public var origin: SourceOrigin
  /// The first line.
  public var line: Int
  /// The first column.
  public var column: Int
  /// The last line.
  public var endLine: Int
  /// The column just past the span on the last line.
  public var endColumn: Int

  /// Makes a span.
  public init(origin: SourceOrigin, line: Int, column: Int, endLine: Int, endColumn: Int) {
    self.origin = origin
    self.line = line
    self.column = column
    self.endLine = endLine
    self.endColumn = endColumn
  }
}
