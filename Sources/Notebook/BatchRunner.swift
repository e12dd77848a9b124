import Language
import Support

/// Runs every cell of a lesson in order, printing each cell's output and
/// stopping at the first error (`--run`, or output that is not a terminal).
public struct BatchRunner {
  /// The session the cells run in.
  public let session: Session
  /// How final expressions are shown: `.cell` for lessons, `.script` for `-c`.
  public var display: DisplayMode

  /// Makes a runner.
  public init(session: Session, display: DisplayMode = .cell) {
    self.session = session
    self.display = display
  }

  /// Runs the lesson; returns 0, 1 after an error, or 130 after Ctrl-C.
  public func run(_ lesson: Lesson) -> Int32 {
    session.lessons[lesson.path] = lesson
    let total = lesson.cells.count
    for (index, cell) in lesson.cells.enumerated() {
      let transcript = session.transcript
      transcript?.beginCell(
        number: index + 1, total: total, title: cell.title, kind: cell.kind,
        source: cell.source)
      var status: Int32 = 0
      if cell.kind == .code && !cell.isEmpty {
        status = runCell(cell, origin: lesson.origin(ofCell: index))
      }
      if let transcript {
        do {
          try transcript.endCell()
        } catch {
          StandardError.write("mlscript: transcript: \(error)\n")
          return 1
        }
      }
      if status != 0 { return status }
    }
    return 0
  }

  /// Runs one cell, printing its results; returns the exit status.
  func runCell(_ cell: LessonCell, origin: SourceOrigin) -> Int32 {
    let outcome = session.execute(cell.source, origin: origin, display: display) { values in
      for value in values where !value.isNone {
        Console.shared.writeLine(session.display(value))
      }
    }
    switch outcome {
    case .success:
      return 0
    case .failure(let error):
      if let code = Session.exitCode(of: error) { return code == 0 ? 0 : code }
      session.report(error)
      return Session.isInterrupt(error) ? 130 : 1
    }
  }
}
