/// The rules of jupytext's "percent" format: a cell starts at a `# %%`
/// line, whose header holds an optional title and a cell type.
enum PercentFormat {
  /// A parsed `# %%` line.
  struct Marker: Equatable {
    var title: String?
    var kind: LessonCell.Kind
  }

  /// The cells of `text`, in order.
  static func cells(in text: String) -> [LessonCell] {
    let lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
    ).map { line in
      line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
    }
    var cells: [LessonCell] = []
    var current: (marker: Marker?, start: Int, body: [String]) = (nil, 1, [])
    var strings = StringState()

    func close() {
      let marker = current.marker
      if marker == nil && current.body.allSatisfy({ $0.trimmingSpaces().isEmpty }) { return }
      cells.append(
        makeCell(
          marker: marker ?? Marker(title: nil, kind: .code), start: current.start,
          body: current.body))
    }

    for (index, line) in lines.enumerated() {
      let lineNumber = index + 1
      let isCode = (current.marker?.kind ?? .code) == .code
      if !(isCode && strings.isInsideString), let marker = parseMarker(line) {
        close()
        current = (marker, lineNumber + 1, [])
        strings = StringState()
        continue
      }
      current.body.append(line)
      if isCode { strings.scan(line) }
    }
    close()
    return cells
  }

  /// The marker on `line`, or nil when the line is not one: optional
  /// spaces, `#`, optional spaces, `%%`, then the end or a space.
  static func parseMarker(_ line: String) -> Marker? {
    var rest = Substring(line).drop { $0 == " " || $0 == "\t" }
    guard rest.first == "#" else { return nil }
    rest = rest.dropFirst().drop { $0 == " " }
    guard rest.hasPrefix("%%") else { return nil }
    rest = rest.dropFirst(2).drop { $0 == "%" }
    if let next = rest.first, next != " " && next != "\t" { return nil }
    var header = String(rest).trimmingSpaces()
    var kind = LessonCell.Kind.code
    let types: [(String, LessonCell.Kind)] = [
      ("[markdown]", .markdown), ("[md]", .markdown), ("[raw]", .raw),
    ]
    for (token, tokenKind) in types {
      if let range = header.firstRange(of: token) {
        kind = tokenKind
        // Whatever follows the type is metadata, which a lesson ignores.
        header = String(header[..<range.lowerBound]).trimmingSpaces()
        break
      }
    }
    return Marker(title: header.isEmpty ? nil : header, kind: kind)
  }

  /// A cell from its marker and lines, blank lines at either end dropped.
  static func makeCell(marker: Marker, start: Int, body: [String]) -> LessonCell {
    var lines = body
    var first = start
    while let line = lines.first, line.trimmingSpaces().isEmpty {
      lines.removeFirst()
      first += 1
    }
    while let line = lines.last, line.trimmingSpaces().isEmpty { lines.removeLast() }
    if marker.kind != .code { lines = lines.map(uncomment) }
    return LessonCell(
      kind: marker.kind, title: marker.title, source: lines.joined(separator: "\n"),
      line: first)
  }

  /// A markdown line without its comment prefix.
  static func uncomment(_ line: String) -> String {
    if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
    if line.hasPrefix("#") { return String(line.dropFirst()) }
    return line
  }
}

/// Tracks whether a line of Python-style code ends inside a triple-quoted
/// string, so that a `# %%` line within one starts no cell.
struct StringState {
  /// The open triple quote, when a string spans lines.
  private var openDelimiter: String?

  /// Whether the next line starts inside a multi-line string.
  var isInsideString: Bool { openDelimiter != nil }

  /// Advances over one line of code.
  mutating func scan(_ line: String) {
    let characters = Array(line)
    var index = 0
    while index < characters.count {
      if let delimiter = openDelimiter {
        if characters[index] == "\\" {
          index += 2
          continue
        }
        if matches(characters, at: index, delimiter) {
          openDelimiter = nil
          index += 3
        } else {
          index += 1
        }
        continue
      }
      let character = characters[index]
      if character == "#" { return }
      guard character == "'" || character == "\"" else {
        index += 1
        continue
      }
      let triple = String(repeating: character, count: 3)
      if matches(characters, at: index, triple) {
        openDelimiter = triple
        index += 3
        continue
      }
      // A one-line string: skip to its closing quote (or the line's end).
      index += 1
      while index < characters.count && characters[index] != character {
        index += characters[index] == "\\" ? 2 : 1
      }
      index += 1
    }
  }

  private func matches(_ characters: [Character], at index: Int, _ text: String) -> Bool {
    let wanted = Array(text)
    guard index + wanted.count <= characters.count else { return false }
    return Array(characters[index..<index + wanted.count]) == wanted
  }
}
