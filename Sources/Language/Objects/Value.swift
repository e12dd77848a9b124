/// A value of the mlscript language.
///
/// Small immutable scalars are stored inline; everything else (containers,
/// functions, modules, arrays, models) is a `PyObject`.
public enum Value {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case object(PyObject)

  /// A new tuple holding `items`.
  public static func tuple(_ items: [Value]) -> Value { .object(PyTuple(items)) }

  /// A new list holding `items`.
  public static func list(_ items: [Value]) -> Value { .object(PyList(items)) }

  /// The object, when the value is one of type `T`.
  public func object<T: PyObject>(as type: T.Type = T.self) -> T? {
    if case .object(let object) = self { return object as? T }
    return nil
  }

  /// Whether the value is `None`.
  public var isNone: Bool {
    if case .none = self { return true }
    return false
  }
}
