/// A Markdown record of a run: every cell's source and output, rewritten
/// in place (atomically) after each cell so it is never half-written.
public final class Transcript {
  /// Where the transcript is written.
  public let path: String
  private var text: String
  private var output = ""
  private var inCell = false

  /// Starts a transcript of the code from `sourceName`.
  public init(path: String, sourceName: String) {
    self.path = path
    self.text = "# mlscript transcript: \(sourceName)\n"
  }

  /// The Markdown written so far, including the cell in progress.
  public var markdown: String { inCell ? text + outputBlock() : text }

  /// Records that a cell starts running.
  public func beginCell(
    number: Int, total: Int, title: String?, kind: LessonCell.Kind, source: String
  ) {
    let heading = total > 1 || title != nil ? "[\(number)/\(total)]" : "Code"
    text += "\n## \(heading)\(title.map { " \($0)" } ?? "")\n\n"
    switch kind {
    case .markdown: text += source + "\n"
    case .code, .raw:
      let fence = Transcript.fence(for: source)
      text += "\(fence)\(kind == .code ? "python" : "text")\n\(source)\n\(fence)\n"
    }
    output = ""
    inCell = kind == .code
  }

  /// Adds text the running cell printed (on either stream).
  public func appendOutput(_ piece: String) {
    if inCell { output += piece }
  }

  /// Closes the running cell's output and writes the file.
  public func endCell() throws {
    if inCell {
      text += outputBlock()
      inCell = false
      output = ""
    }
    try flush()
  }

  /// Writes everything recorded so far to `path`.
  public func flush() throws {
    try AtomicFile.write(markdown, to: path)
  }

  private func outputBlock() -> String {
    let clean = Transcript.plainText(output)
    if clean.isEmpty { return "" }
    let fence = Transcript.fence(for: clean)
    let body = clean.hasSuffix("\n") ? clean : clean + "\n"
    return "\n\(fence)text\n\(body)\(fence)\n"
  }

  /// A backtick fence longer than any run of backticks inside `body`.
  static func fence(for body: String) -> String {
    var longest = 0
    var run = 0
    for character in body {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    return String(repeating: "`", count: max(3, longest + 1))
  }

  /// Terminal output as a reader of the file would see it: escape
  /// sequences removed, and each line as its last `\r` redraw left it.
  public static func plainText(_ text: String) -> String {
    var result = ""
    var characters = text.unicodeScalars.makeIterator()
    var line = ""
    while let scalar = characters.next() {
      switch scalar {
      case "\u{1B}":
        skipEscape(&characters)
      case "\r":
        line = ""
      case "\n":
        result += line + "\n"
        line = ""
      default:
        line.unicodeScalars.append(scalar)
      }
    }
    return result + line
  }

  private static func skipEscape(_ characters: inout String.UnicodeScalarView.Iterator) {
    guard let kind = characters.next() else { return }
    if kind == "[" {
      // A CSI sequence ends at its final byte, in @...~.
      while let next = characters.next(), !(next.value >= 0x40 && next.value <= 0x7E) {}
    } else if kind == "]" || kind == "P" || kind == "_" {
      // OSC, DCS and APC strings end at BEL or ESC \.
      while let next = characters.next() {
        if next == "\u{07}" { return }
        if next == "\u{1B}" {
          _ = characters.next()
          return
        }
      }
    }
  }
}
