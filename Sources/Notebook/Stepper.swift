import Language
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// Step mode: shows each cell before running it and waits for a key, so a
/// student walks through a lesson at their own pace.
final class Stepper {
  private(set) var lesson: Lesson
  let session: Session
  /// The lesson's file, read again when a cell is rerun so that a fix made
  /// in an editor takes effect.
  private let file: String?
  private var fileStamp: timespec?
  private var index = 0
  private var shown: Int?
  private var lastRun: Int?
  private var done = Set<Int>()
  private var failed = Set<Int>()
  private lazy var repl = Repl(session: session)

  init(lesson: Lesson, session: Session, file: String? = nil) {
    self.lesson = lesson
    self.session = session
    self.file = file
    fileStamp = file.flatMap(Stepper.modificationTime)
    session.lessons[lesson.path] = lesson
  }

  private static func modificationTime(_ path: String) -> timespec? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mtim
  }

  /// Reads the lesson again when its file changed since it was read;
  /// true when it did.
  private func reloadIfChanged() -> Bool {
    guard let file, let stamp = Stepper.modificationTime(file) else { return false }
    if let old = fileStamp, old.tv_sec == stamp.tv_sec, old.tv_nsec == stamp.tv_nsec {
      return false
    }
    fileStamp = stamp
    guard let bytes = AtomicFile.read(file),
      let fresh = Program.decodeLesson(bytes, path: lesson.path)
    else { return false }
    lesson = fresh
    session.lessons[lesson.path] = fresh
    index = min(index, total)
    if let last = lastRun, last >= total { lastRun = nil }
    write("Read \(lesson.path) again: it changed on disk.\n")
    return true
  }

  private var total: Int { lesson.cells.count }
  private var color: Bool { Console.shared.usesColor }

  /// Steps until the user quits; returns the exit code.
  func run() -> Int32 {
    write(
      style("1", "\(lesson.path)") + " — \(total) cell\(total == 1 ? "" : "s"). "
        + "Enter runs a cell, ? lists the keys.\n")
    while true {
      if shown != index {
        show(index)
        shown = index
      }
      write(promptText())
      let key = KeyReader.read()
      write(color ? "\r\u{1B}[K" : "\n")
      switch key {
      case .enter, .character("n"), .character(" "), .arrow(forward: true):
        if index >= total { return 0 }
        runCurrent()
      case .character("a"):
        while index < total {
          if shown != index { show(index) }
          shown = index
          guard runCurrent() else { break }
        }
      case .character("p"), .arrow(forward: false):
        index = max(0, index - 1)
        shown = nil
      case .character("r"):
        rerun()
      case .character("g"):
        goTo(prefill: "")
      case .character(let digit) where digit.isNumber:
        goTo(prefill: String(digit))
      case .character("l"):
        list()
      case .character("i"):
        write("REPL with the lesson's variables; Ctrl-D or `exit` returns to the lesson.\n")
        _ = repl.run()
        shown = nil
      case .character("q"), .endOfInput:
        return 0
      case .character("?"), .character("h"):
        write(Stepper.help)
      case .interrupted:
        write("(q quits)\n")
      default:
        write("Unknown key; ? lists the keys.\n")
      }
    }
  }

  static let help = """
    Enter, n   run this cell and go to the next
    a          run every remaining cell
    p          go back one cell
    g N        go to cell N, or to the cell whose title you type
    r          run the last cell again (after fixing things in the REPL)
    l          list the cells
    i          open the REPL with the lesson's variables (Ctrl-D returns)
    q          quit

    """

  // MARK: Showing

  private func promptText() -> String {
    let position = index < total ? "[\(index + 1)/\(total)]" : "[end]"
    let hint = index < total ? "Enter runs · ? keys › " : "q quits · p back › "
    return style("2", "\(position) \(hint)")
  }

  private func show(_ position: Int) {
    guard position < total else {
      let all = total == 1 ? "The only cell is" : "All \(total) cells are"
      write(rule("end of the lesson") + "\(all) shown. p goes back, q quits.\n")
      return
    }
    let cell = lesson.cells[position]
    let title = cell.title.map { " \($0)" } ?? ""
    write(rule("[\(position + 1)/\(total)]\(title)"))
    switch cell.kind {
    case .code:
      let source = color ? SyntaxHighlighter.highlight(cell.source) : cell.source
      write(source + (source.isEmpty ? "" : "\n"))
    case .markdown:
      write(renderMarkdown(cell.source) + "\n")
    case .raw:
      write(cell.source + "\n")
    }
  }

  /// Markdown as terminal text: headings bold without their `#`s.
  private func renderMarkdown(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard line.hasPrefix("#") else { return String(line) }
      let heading = line.drop { $0 == "#" }.drop { $0 == " " }
      return style("1", String(heading))
    }.joined(separator: "\n")
  }

  private func rule(_ label: String) -> String {
    let width = max(20, min(Console.shared.width, 100))
    let line = String(repeating: "─", count: max(3, width - label.count - 4))
    return "\n" + style("1;36", "── \(label) ") + style("2", line) + "\n"
  }

  private func list() {
    for (position, cell) in lesson.cells.enumerated() {
      let mark =
        position == index
        ? "▶" : failed.contains(position) ? "✗" : done.contains(position) ? "✓" : " "
      let title = cell.title ?? firstLine(cell)
      let kind = cell.kind == .code ? "" : " (\(cell.kind.rawValue))"
      write("\(mark) \(String(position + 1).leftPadded(to: 3)). \(title)\(kind)\n")
    }
  }

  private func firstLine(_ cell: LessonCell) -> String {
    var line = cell.source.split(separator: "\n").first.map(String.init) ?? ""
    if cell.kind == .markdown { line = String(line.drop { $0 == "#" || $0 == " " }) }
    return line.count > 60 ? String(line.prefix(57)) + "..." : line
  }

  // MARK: Moving and running

  /// Runs the cell at `index`; on success moves on. Returns whether it
  /// succeeded.
  @discardableResult
  private func runCurrent() -> Bool {
    guard index < total else { return false }
    let succeeded = execute(index)
    if succeeded { index += 1 }
    return succeeded
  }

  private func rerun() {
    let reloaded = reloadIfChanged()
    let target = lastRun ?? index
    guard target < total else { return }
    if target != index || reloaded {
      show(target)
      shown = nil
    }
    if execute(target) && target == index { index += 1 }
  }

  private func execute(_ position: Int) -> Bool {
    let cell = lesson.cells[position]
    lastRun = position
    let transcript = session.transcript
    transcript?.beginCell(
      number: position + 1, total: total, title: cell.title, kind: cell.kind,
      source: cell.source)
    defer {
      if let transcript {
        do {
          try transcript.endCell()
        } catch {
          StandardError.write("mlscript: transcript: \(error)\n")
        }
      }
    }
    guard cell.kind == .code, !cell.isEmpty else {
      done.insert(position)
      return true
    }
    let origin = lesson.origin(ofCell: position)
    let outcome = session.execute(cell.source, origin: origin, display: .cell) { values in
      for value in values where !value.isNone {
        Console.shared.writeLine(session.display(value))
      }
    }
    switch outcome {
    case .success:
      done.insert(position)
      failed.remove(position)
      return true
    case .failure(let error):
      session.report(error)
      failed.insert(position)
      write(
        style("33", "Stopped at cell [\(position + 1)/\(total)].")
          + " Fix the file or use the REPL (i), then r runs the cell again.\n")
      return false
    }
  }

  private func goTo(prefill: String) {
    let answer = LineEditor.read(prompt: "go to cell (number or title): ", prefill: prefill)
    guard case .line(let text) = answer, !text.trimmingSpaces().isEmpty else { return }
    guard let target = lesson.cellIndex(named: text) else {
      write("No cell \(text.trimmingSpaces()); l lists them.\n")
      return
    }
    index = target
    shown = nil
  }

  // MARK: Output

  private func write(_ text: String) { Console.shared.write(text) }

  private func style(_ code: String, _ text: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
