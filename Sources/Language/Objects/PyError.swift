#if canImport(Glibc)
  import Glibc
#endif

/// A Python exception on its way up the stack.
public struct PyError: Error, CustomStringConvertible {
  /// The exception's class.
  public var type: ExceptionType
  /// The text shown after `Type: `.
  public var message: String
  /// The language-level exception object, when the program made one.
  public var object: Value?
  /// The frames it passed through, innermost last; filled in by the
  /// interpreter as the error unwinds.
  public var traceback: [TraceFrame] = []
  /// Where a SyntaxError or IndentationError was found.
  public var location: SourceSpan?
  /// What holds `location`, shown after it (a lesson's cell).
  public var locationContext: String?
  /// The failing expression in the innermost frame not yet recorded in
  /// `traceback`, and the part of it the caret points at.
  var pendingSpan: SourceSpan?
  var pendingFocus: SourceSpan?
  /// A close name to suggest after the message in a traceback ("Did you
  /// mean: 'model'?"); kept apart as Python keeps it out of `str(e)`.
  public var suggestion: String?
  /// Whether a SyntaxError means only that the text stopped early.
  var incompleteInput = false

  /// Makes an exception of `type` with `message`.
  public init(_ type: ExceptionType, _ message: String) {
    self.type = type
    self.message = message
  }

  public var description: String {
    message.isEmpty ? type.name : "\(type.name): \(message)"
  }

  /// Shorthand for a TypeError.
  public static func typeError(_ message: String) -> PyError {
    PyError(.typeError, message)
  }

  /// The KeyError for a missing key, carrying the key as `e.args[0]`.
  public static func keyError(_ key: Value) -> PyError {
    var error = PyError(.keyError, (try? key.repr()) ?? "?")
    error.object = .object(ExceptionObject(type: .keyError, arguments: [key]))
    return error
  }

  /// Shorthand for a ValueError.
  public static func valueError(_ message: String) -> PyError {
    PyError(.valueError, message)
  }

  /// The OSError (or the subclass CPython picks) for a failed system call,
  /// worded as CPython's: `[Errno 28] No space left on device`.
  public static func system(errno code: Int32) -> PyError {
    let type: ExceptionType
    switch code {
    case EPIPE: type = .brokenPipeError
    case ENOENT: type = .fileNotFoundError
    case EEXIST: type = .fileExistsError
    case EACCES, EPERM: type = .permissionError
    default: type = .osError
    }
    return PyError(type, "[Errno \(code)] \(String(cString: strerror(code)))")
  }
}

/// One entry of a traceback: where the error passed.
public struct TraceFrame: Sendable {
  /// The location of the failing expression.
  public var span: SourceSpan
  /// The function's name, or `<module>` / `<cell>` at top level.
  public var function: String
  /// The part of `span` marked with `^` while the rest gets `~` (the
  /// operator of a failing binary operation), when there is one.
  public var focus: SourceSpan?

  /// Makes a frame.
  public init(span: SourceSpan, function: String) {
    self.span = span
    self.function = function
  }
}

/// An error from a lower layer that knows which Python exception it is.
///
/// The interpreter turns any thrown error conforming to this into a
/// `PyError`, so runtime layers need not know the language.
public protocol PythonConvertibleError: Error {
  /// The Python exception's class name, such as `ValueError`.
  var pythonExceptionName: String { get }
  /// The exception's message.
  var pythonMessage: String { get }
}
