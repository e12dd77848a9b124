import Language

/// One cell of a lesson: code to run, or text to show.
public struct LessonCell: Equatable, Sendable {
  /// What a cell holds.
  public enum Kind: String, Equatable, Sendable {
    /// Code the interpreter runs.
    case code
    /// Prose, shown as text.
    case markdown
    /// Text kept as it is, neither run nor rendered.
    case raw
  }

  /// Whether the cell is code, prose or raw text.
  public var kind: Kind
  /// The title after the `# %%` marker, when there is one.
  public var title: String?
  /// The cell's text: code verbatim, markdown with the `# ` prefix removed.
  public var source: String
  /// The file line (1-based) of the source's first line.
  public var line: Int

  /// Makes a cell.
  public init(kind: Kind, title: String?, source: String, line: Int) {
    self.kind = kind
    self.title = title
    self.source = source
    self.line = line
  }

  /// Whether the cell has nothing to run or show.
  public var isEmpty: Bool {
    source.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" }
  }
}

/// A lesson file in jupytext's "percent" format, split into cells.
public struct Lesson: Sendable {
  /// The path the lesson was read from, as tracebacks name it.
  public var path: String
  /// The cells in file order.
  public var cells: [LessonCell]

  /// Makes a lesson from cells.
  public init(path: String, cells: [LessonCell]) {
    self.path = path
    self.cells = cells
  }

  /// Splits percent-format text into cells.
  public init(parsing text: String, path: String) {
    self.path = path
    self.cells = PercentFormat.cells(in: text)
  }

  /// Where a cell's code comes from, so tracebacks name the file line
  /// (`File "lesson.mlscript", line 12`): the cell number is left out, as
  /// a traceback would otherwise count lines from the cell's start.
  public func origin(ofCell index: Int) -> SourceOrigin {
    let cell = cells[index]
    return SourceOrigin(file: path, cell: nil, cellTitle: cell.title, lineOffset: cell.line - 1)
  }

  /// The index of the code cell holding file line `line`.
  public func cellIndex(containingLine line: Int) -> Int? {
    cells.lastIndex { cell in
      cell.kind == .code && cell.line <= line
        && line < cell.line
          + cell.source.split(separator: "\n", omittingEmptySubsequences: false).count
    }
  }

  /// A short name for a cell: `cell [3/12] Training`.
  public func cellLabel(_ index: Int) -> String {
    let title = cells[index].title.map { " \($0)" } ?? ""
    return "cell [\(index + 1)/\(cells.count)]\(title)"
  }

  /// The index of the cell a user names: a 1-based number, or a title or
  /// a text cell's heading (exact first, then case-insensitively, then a title containing it).
  public func cellIndex(named query: String) -> Int? {
    let wanted = query.trimmingSpaces()
    if wanted.isEmpty { return nil }
    if let number = Int(wanted) {
      return number >= 1 && number <= cells.count ? number - 1 : nil
    }
    let titles = cells.map { $0.title ?? $0.markdownHeading ?? "" }
    if let exact = titles.firstIndex(of: wanted) { return exact }
    let lower = wanted.lowercased()
    if let folded = titles.firstIndex(where: { $0.lowercased() == lower }) { return folded }
    return titles.firstIndex { $0.lowercased().contains(lower) }
  }
}

extension LessonCell {
  /// The heading a text cell opens with (`## Pooling` gives `Pooling`).
  var markdownHeading: String? {
    guard kind == .markdown,
      let first = source.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }),
      first.hasPrefix("#")
    else { return nil }
    return String(first.drop { $0 == "#" }).trimmingSpaces()
  }
}

extension String {
  /// The text without leading and trailing spaces, tabs and newlines.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
