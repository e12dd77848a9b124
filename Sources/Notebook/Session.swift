import Language
import Library
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// One running program: the interpreter with its globals, and how its
/// results and errors reach the user (and the transcript).
public final class Session {
  /// The outcome of running a piece of code.
  public enum Outcome {
    /// It ran; these are the values to show.
    case success([Value])
    /// It raised this exception.
    case failure(PyError)

    /// The exception, when there was one.
    public var error: PyError? {
      if case .failure(let error) = self { return error }
      return nil
    }
  }

  /// The interpreter holding the program's globals.
  public let interpreter: Interpreter
  /// Where each cell's source and output are recorded, when asked for.
  public var transcript: Transcript?

  /// Makes a session with the built-in modules.
  public init(interpreter: Interpreter = Interpreter(modules: BuiltinModules())) {
    self.interpreter = interpreter
  }

  /// Runs code, hands the values to show to `present`, then shows any
  /// figures it drew (after the values, as Jupyter does); Ctrl-C during
  /// the run arrives as KeyboardInterrupt.
  public func execute(
    _ source: String, origin: SourceOrigin, display: DisplayMode,
    present: ([Value]) -> Void = { _ in }
  ) -> Outcome {
    Interruption.clear()
    let console = Console.shared
    if console.isTerminal {
      // The window may have been resized since the last cell.
      console.width = Console.detectWidth(
        environment: Console.processEnvironment(), terminal: true)
    }
    defer {
      PendingFigures.flush()
      Interruption.clear()
    }
    do {
      let code = NotebookSetupLines.strip(source)
      let values = try interpreter.run(code, origin: origin, display: display)
      present(values)
      return .success(values)
    } catch let error as PyError {
      return .failure(error)
    } catch {
      return .failure(PyError(.runtimeError, "\(error)"))
    }
  }

  /// The lessons run in this session, so tracebacks can name their cells.
  public var lessons: [String: Lesson] = [:]

  /// Writes an exception's traceback to standard error; a frame at the
  /// top level of a lesson cell is named after the cell.
  public func report(_ error: PyError) {
    var named = error
    for index in named.traceback.indices {
      let span = named.traceback[index].span
      guard named.traceback[index].function == "<module>",
        let lesson = lessons[span.origin.file],
        let cell = lesson.cellIndex(containingLine: span.line),
        lesson.cells.count > 1 || lesson.cells[cell].title != nil
      else { continue }
      named.traceback[index].function = lesson.cellLabel(cell)
    }
    if let location = named.location, let lesson = lessons[location.origin.file],
      let cell = lesson.cellIndex(containingLine: location.line),
      lesson.cells.count > 1 || lesson.cells[cell].title != nil
    {
      named.locationContext = lesson.cellLabel(cell)
    }
    // A traceback after Ctrl-C in the middle of a progress bar would
    // otherwise start on the bar's line.
    if !Console.shared.endsLine && Console.shared.isTerminal { Console.shared.write("\n") }
    var text = interpreter.formatTraceback(named, color: StandardError.usesColor)
    if !text.hasSuffix("\n") { text += "\n" }
    StandardError.write(text)
  }

  /// The text a value shows as a result: its repr, long containers
  /// broken over lines as IPython does.
  public func display(_ value: Value) -> String {
    do {
      return try PrettyPrinter.format(value)
    } catch let error as PyError {
      return "<repr failed: \(error)>"
    } catch {
      return "<repr failed>"
    }
  }

  /// Whether an error is the user's Ctrl-C.
  public static func isInterrupt(_ error: PyError) -> Bool {
    error.type.name == "KeyboardInterrupt"
  }

  /// The exit code a `SystemExit` asks for, or nil for other errors.
  public static func exitCode(of error: PyError) -> Int32? {
    guard error.type.name == "SystemExit" else { return nil }
    let text = error.message.trimmingSpaces()
    if text.isEmpty || text == "None" { return 0 }
    if let code = Int32(text) { return code }
    StandardError.write(text + "\n")
    return 1
  }
}
