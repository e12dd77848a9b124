/// How a piece of code shows the values of its expression statements.
public enum DisplayMode: Sendable {
  /// A notebook cell: the last statement's value, unless it ends in `;`.
  case cell
  /// The REPL: every expression statement's value, unless it ends in `;`.
  case interactive
  /// A script or `-c`: nothing is shown.
  case script
}

/// Runs mlscript code in one session: globals persist from one `run` to
/// the next, as in a notebook kernel.
public final class Interpreter {
  /// Where `import` finds built-in modules.
  public let modules: ModuleProvider?
  /// How deep calls may nest before RecursionError.
  public var recursionLimit = 1000

  /// Makes a session with empty globals.
  public init(modules: ModuleProvider?) {
    self.modules = modules
  }

  /// Parses and runs `source`, returning the values to display, in order.
  /// Errors arrive as `PyError` with their traceback filled in.
  public func run(
    _ source: String, origin: SourceOrigin, display: DisplayMode
  ) throws -> [Value] {
    // TODO: the evaluator is not written yet.
    throw PyError(.notImplementedError, "the interpreter is not ready")
  }

  /// Whether `source` is a complete statement, or needs more lines (an
  /// open bracket, a block header, an unterminated triple-quoted string).
  public func isComplete(_ source: String) -> Bool { true }

  /// The names bound at top level, sorted.
  public var globalNames: [String] { [] }

  /// The value bound to a top-level name.
  public func global(_ name: String) -> Value? { nil }

  /// Binds a top-level name.
  public func setGlobal(_ name: String, _ value: Value) {}

  /// Removes every top-level name the program bound.
  public func resetGlobals() {}

  /// The traceback text for an error, as Python prints it, with a caret
  /// span under the failing expression; coloured when `color` is set.
  public func formatTraceback(_ error: PyError, color: Bool) -> String {
    error.description
  }
}
