/// An error a program can cause in the tensor runtime; the language turns it
/// into the Python exception named by `kind`.
public struct TensorError: Error, CustomStringConvertible, Sendable {
  /// The Python exception type this error becomes.
  public enum Kind: String, Sendable {
    case valueError = "ValueError"
    case typeError = "TypeError"
    case indexError = "IndexError"
    case memoryError = "MemoryError"
    case overflowError = "OverflowError"
    case zeroDivisionError = "ZeroDivisionError"
    case keyboardInterrupt = "KeyboardInterrupt"
  }

  /// Which Python exception this is.
  public var kind: Kind
  /// The message shown after the exception's type.
  public var message: String

  /// Makes an error of the given kind.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { "\(kind.rawValue): \(message)" }
}
