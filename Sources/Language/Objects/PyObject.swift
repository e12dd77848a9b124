/// The operators a value's type may implement, named by Python's dunder
/// methods.
public enum BinaryOperator: String, Sendable {
  case add = "+", subtract = "-", multiply = "*", trueDivide = "/"
  case floorDivide = "//", modulo = "%", power = "**", matrixMultiply = "@"
  case bitAnd = "&", bitOr = "|", bitXor = "^", leftShift = "<<", rightShift = ">>"
}

/// The unary operators.
public enum UnaryOperator: String, Sendable {
  case negate = "-", plus = "+", invert = "~"
}

/// The rich comparisons, which arrays answer element-wise.
public enum ComparisonOperator: String, Sendable {
  case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
  case equal = "==", notEqual = "!="
}

/// An iterator as `for` loops and built-ins consume it.
public protocol PyIterator: AnyObject {
  /// The next value, or nil when exhausted.
  func next() throws -> Value?
}

/// The base of every heap value of the language.
///
/// A subclass describes its attributes and methods declaratively through
/// its `type` (a `PyType`), and overrides the protocol methods below only
/// for the behaviour it has (calling, indexing, iterating, operators).
/// Each default raises the TypeError Python raises.
open class PyObject {
  /// Makes an object.
  public init() {}

  /// The object's type: its name, methods and properties.
  open var type: PyType { PyType.object }

  /// Looks up an attribute; nil means AttributeError.
  open func attribute(_ name: String) throws -> Value? {
    if let property = type.properties[name] { return try property.get(self) }
    if let method = type.methods[name] {
      return .object(BoundMethod(receiver: self, name: name, method: method))
    }
    return nil
  }

  /// Assigns an attribute.
  open func setAttribute(_ name: String, _ value: Value) throws {
    if let setter = type.properties[name]?.set {
      try setter(self, value)
      return
    }
    let reason =
      type.properties[name] == nil
      ? "'\(type.name)' object has no attribute '\(name)'"
      : "property '\(name)' of '\(type.name)' object has no setter"
    throw PyError(.attributeError, reason)
  }

  /// The names `dir()` and tab completion offer.
  open func attributeNames() -> [String] {
    (Array(type.properties.keys) + Array(type.methods.keys)).sorted()
  }

  /// Calls the object.
  open func call(_ arguments: Arguments) throws -> Value {
    throw PyError.typeError("'\(type.name)' object is not callable")
  }

  /// Whether `callable(self)` is true: override alongside `call`.
  open var isCallable: Bool { false }

  /// `self[key]`.
  open func item(_ key: Value) throws -> Value {
    throw PyError.typeError("'\(type.name)' object is not subscriptable")
  }

  /// `self[key] = value`.
  open func setItem(_ key: Value, _ value: Value) throws {
    throw PyError.typeError("'\(type.name)' object does not support item assignment")
  }

  /// `del self[key]`.
  open func deleteItem(_ key: Value) throws {
    throw PyError.typeError("'\(type.name)' object does not support item deletion")
  }

  /// `iter(self)`.
  open func makeIterator() throws -> PyIterator {
    throw PyError.typeError("'\(type.name)' object is not iterable")
  }

  /// `len(self)`.
  open func length() throws -> Int {
    throw PyError.typeError("object of type '\(type.name)' has no len()")
  }

  /// `value in self`; by default, a scan of the iteration.
  open func contains(_ value: Value) throws -> Bool {
    let iterator = try makeIterator()
    while let element = try iterator.next() {
      if try Value.equal(element, value) { return true }
    }
    return false
  }

  /// `bool(self)`.
  open func isTruthy() throws -> Bool {
    if let count = try? length() { return count > 0 }
    return true
  }

  /// `repr(self)`.
  open func repr() throws -> String { "<\(type.name) object>" }

  /// `str(self)`.
  open func str() throws -> String { try repr() }

  /// `format(self, spec)`, for f-strings; the default accepts only `""`.
  open func format(_ spec: String) throws -> String {
    guard spec.isEmpty else {
      throw PyError.typeError(
        "unsupported format string passed to \(type.name).__format__")
    }
    return try str()
  }

  /// `self op other` (or `other op self` when `reflected`); nil means
  /// NotImplemented, so the other operand is tried next.
  open func binaryOperation(
    _ op: BinaryOperator, _ other: Value, reflected: Bool
  ) throws -> Value? { nil }

  /// `self op= other` done in place, as Python's `__iadd__`: returns the
  /// value to bind to the target (usually `self`), or nil to fall back to
  /// `self op other` and rebind.
  open func inPlaceOperation(_ op: BinaryOperator, _ other: Value) throws -> Value? { nil }

  /// `op self`; nil means the type has no such operator.
  open func unaryOperation(_ op: UnaryOperator) throws -> Value? { nil }

  /// `self op other` for comparisons; nil means NotImplemented.
  open func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    switch op {
    case .equal: return .bool(isIdentical(other))
    case .notEqual: return .bool(!isIdentical(other))
    default: return nil
    }
  }

  /// The class `type(self)` returns, when it is not the one made from
  /// `type` (NumPy arrays and scalars answer their own classes).
  open var classObject: PyObject? { nil }

  /// `isinstance(value, self)` when this object is a class other than a
  /// `TypeObject`; nil means it is not a class.
  open func instanceCheck(_ value: Value) -> Bool? { nil }

  /// A hash for use as a dict key, or nil when the object is unhashable.
  open func hashKey() throws -> AnyHashable? { ObjectIdentifier(self) }

  /// CPython's hash of this object when it is the same in every process
  /// (see `Value.numericHash`); nil otherwise.
  open func numericHash() throws -> Int? { nil }

  /// `with self:` entry; returns the value bound by `as`.
  open func enter() throws -> Value { .object(self) }

  /// `with self:` exit; called whether or not the body raised.
  open func exit() throws {}

  /// Help text for `help(x)` and `x?`.
  open var doc: String? { type.doc }

  private func isIdentical(_ other: Value) -> Bool {
    if case .object(let object) = other { return object === self }
    return false
  }
}
