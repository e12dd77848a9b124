/// A Python exception class: `ValueError`, `KeyError`, ... A value of the
/// language, callable to make an exception object, matched by `except`.
public final class ExceptionType: PyObject, @unchecked Sendable {
  /// The class's name.
  public let name: String
  /// The class it derives from; nil only for BaseException.
  public let base: ExceptionType?

  /// The `__name__` it answers, when not its full `name` (NumPy shows
  /// some exceptions under their base's short name).
  public let shortName: String?

  /// Declares an exception class.
  public init(_ name: String, base: ExceptionType?, shortName: String? = nil) {
    self.name = name
    self.base = base
    self.shortName = shortName
  }

  /// Whether this class is `other` or derives from it.
  public func isSubclass(of other: ExceptionType) -> Bool {
    var current: ExceptionType? = self
    while let type = current {
      if type === other { return true }
      current = type.base
    }
    return false
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("type")

  public override func repr() throws -> String { "<class '\(name)'>" }

  public override func attribute(_ member: String) throws -> Value? {
    switch member {
    case "__name__": return .string(shortName ?? name)
    case "__base__": return base.map { .object($0) } ?? .none
    default: return try super.attribute(member)
    }
  }

  public override var isCallable: Bool { true }

  public override func hashKey() throws -> AnyHashable? { "\u{0}exception:" + name }

  public override func call(_ arguments: Arguments) throws -> Value {
    .object(ExceptionObject(type: self, arguments: arguments.positional))
  }

  public static let baseException = ExceptionType("BaseException", base: nil)
  public static let keyboardInterrupt = ExceptionType(
    "KeyboardInterrupt", base: baseException)
  public static let systemExit = ExceptionType("SystemExit", base: baseException)
  public static let exception = ExceptionType("Exception", base: baseException)
  public static let arithmeticError = ExceptionType("ArithmeticError", base: exception)
  public static let zeroDivisionError = ExceptionType(
    "ZeroDivisionError", base: arithmeticError)
  public static let overflowError = ExceptionType("OverflowError", base: arithmeticError)
  public static let assertionError = ExceptionType("AssertionError", base: exception)
  public static let attributeError = ExceptionType("AttributeError", base: exception)
  public static let lookupError = ExceptionType("LookupError", base: exception)
  public static let indexError = ExceptionType("IndexError", base: lookupError)
  public static let keyError = ExceptionType("KeyError", base: lookupError)
  public static let nameError = ExceptionType("NameError", base: exception)
  public static let unboundLocalError = ExceptionType("UnboundLocalError", base: nameError)
  public static let typeError = ExceptionType("TypeError", base: exception)
  public static let valueError = ExceptionType("ValueError", base: exception)
  public static let runtimeError = ExceptionType("RuntimeError", base: exception)
  public static let notImplementedError = ExceptionType(
    "NotImplementedError", base: runtimeError)
  public static let recursionError = ExceptionType("RecursionError", base: runtimeError)
  public static let memoryError = ExceptionType("MemoryError", base: exception)
  public static let stopIteration = ExceptionType("StopIteration", base: exception)
  public static let importError = ExceptionType("ImportError", base: exception)
  public static let moduleNotFoundError = ExceptionType(
    "ModuleNotFoundError", base: importError)
  public static let osError = ExceptionType("OSError", base: exception)
  public static let fileNotFoundError = ExceptionType("FileNotFoundError", base: osError)
  public static let fileExistsError = ExceptionType("FileExistsError", base: osError)
  public static let permissionError = ExceptionType("PermissionError", base: osError)
  public static let connectionError = ExceptionType("ConnectionError", base: osError)
  public static let brokenPipeError = ExceptionType("BrokenPipeError", base: connectionError)
  public static let syntaxError = ExceptionType("SyntaxError", base: exception)
  public static let indentationError = ExceptionType("IndentationError", base: syntaxError)
  public static let tabError = ExceptionType("TabError", base: indentationError)

  /// Every built-in exception class, for the builtins namespace.
  public static let builtins: [ExceptionType] = [
    baseException, keyboardInterrupt, systemExit, exception, arithmeticError,
    zeroDivisionError, overflowError, assertionError, attributeError, lookupError,
    indexError, keyError, nameError, unboundLocalError, typeError, valueError,
    runtimeError, notImplementedError, recursionError, memoryError, stopIteration,
    importError, moduleNotFoundError, osError, fileNotFoundError, fileExistsError,
    permissionError, connectionError, brokenPipeError, syntaxError, indentationError, tabError,
  ]

  /// The built-in class called `name`, or a new Exception subclass with
  /// that name (for errors that lower layers name, like `OSError`).
  public static func named(_ name: String) -> ExceptionType {
    builtins.first { $0.name == name } ?? ExceptionType(name, base: exception)
  }
}

/// An exception instance, as `except E as e` binds it.
public final class ExceptionObject: PyObject {
  /// The exception's class.
  public let exceptionType: ExceptionType
  /// The arguments it was made with (`e.args`).
  public let arguments: [Value]

  /// Makes an exception instance.
  public init(type: ExceptionType, arguments: [Value]) {
    self.exceptionType = type
    self.arguments = arguments
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("exception") { type in
    type.property("args") { (e: ExceptionObject) in .tuple(e.arguments) }
  }

  /// The message `str(e)` gives.
  public var message: String {
    if arguments.count == 1 {
      if exceptionType.isSubclass(of: .keyError) { return (try? arguments[0].repr()) ?? "" }
      return (try? arguments[0].str()) ?? ""
    }
    if arguments.isEmpty { return "" }
    return (try? Value.tuple(arguments).repr()) ?? ""
  }

  public override func str() throws -> String { message }

  public override func repr() throws -> String {
    let inside = try arguments.map { try $0.repr() }.joined(separator: ", ")
    return "\(exceptionType.name)(\(inside))"
  }
}

extension PyError {
  /// Makes an exception from an exception class, as `raise E("...")`.
  public init(_ type: ExceptionType, _ message: String, object: Value?) {
    self.init(type, message)
    self.object = object
  }
}
