/// A method as a type declares it: called with the receiver and the
/// call's arguments.
public typealias NativeMethod = (PyObject, Arguments) throws -> Value

/// An attribute computed from the receiver, optionally settable.
public struct NativeProperty {
  /// Reads the attribute.
  public var get: (PyObject) throws -> Value
  /// Writes the attribute; nil for read-only attributes.
  public var set: ((PyObject, Value) throws -> Void)?
}

/// The description of a language type: its name, documentation, methods
/// and properties, declared once and shared by every instance.
public final class PyType {
  /// The name Python shows, such as `ndarray` or `Dense`.
  public let name: String
  /// Help text for the type.
  public var doc: String?
  /// Methods by name.
  public private(set) var methods: [String: NativeMethod] = [:]
  /// Method help texts by name.
  public private(set) var methodDocs: [String: String] = [:]
  /// Properties by name.
  public private(set) var properties: [String: NativeProperty] = [:]

  /// Declares a type; `declare` adds its methods and properties.
  public init(_ name: String, doc: String? = nil, _ declare: (PyType) -> Void = { _ in }) {
    self.name = name
    self.doc = doc
    declare(self)
  }

  /// Declares a method whose receiver is a `T`.
  public func method<T: PyObject>(
    _ name: String, doc: String? = nil,
    _ body: @escaping (T, Arguments) throws -> Value
  ) {
    let typeName = self.name
    methods[name] = { receiver, arguments in
      guard let typed = receiver as? T else {
        throw PyError.typeError("descriptor '\(name)' requires a '\(typeName)' object")
      }
      return try body(typed, arguments)
    }
    if let doc { methodDocs[name] = doc }
  }

  /// Declares a read-only property of a `T`.
  public func property<T: PyObject>(
    _ name: String, _ get: @escaping (T) throws -> Value
  ) {
    properties[name] = NativeProperty(get: { try get(try Self.cast($0, name)) }, set: nil)
  }

  /// Declares a settable property of a `T`.
  public func property<T: PyObject>(
    _ name: String, get: @escaping (T) throws -> Value,
    set: @escaping (T, Value) throws -> Void
  ) {
    properties[name] = NativeProperty(
      get: { try get(try Self.cast($0, name)) },
      set: { try set(try Self.cast($0, name), $1) })
  }

  private static func cast<T: PyObject>(_ object: PyObject, _ name: String) throws -> T {
    guard let typed = object as? T else {
      throw PyError.typeError("attribute '\(name)' read from the wrong type")
    }
    return typed
  }

  /// The type of plain objects.
  public static let object = PyType("object")
}

/// A method looked up on an object, ready to call: `model.summary`.
public final class BoundMethod: PyObject {
  /// The object the method was looked up on.
  public let receiver: PyObject
  /// The method's name.
  public let name: String
  private let method: NativeMethod

  /// Binds `method` to `receiver`.
  public init(receiver: PyObject, name: String, method: @escaping NativeMethod) {
    self.receiver = receiver
    self.name = name
    self.method = method
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("builtin_function_or_method")

  public override func call(_ arguments: Arguments) throws -> Value {
    try method(receiver, arguments)
  }

  public override func repr() throws -> String {
    "<bound method \(receiver.type.name).\(name)>"
  }

  public override var doc: String? { receiver.type.methodDocs[name] }
}

/// A function written in Swift: `len`, `np.zeros`, `tf.keras.Input`.
public final class BuiltinFunction: PyObject {
  /// The name shown in reprs and errors.
  public let name: String
  private let body: (Arguments) throws -> Value
  private let help: String?

  /// Makes a function named `name` that runs `body`.
  public init(_ name: String, doc: String? = nil, _ body: @escaping (Arguments) throws -> Value) {
    self.name = name
    self.body = body
    self.help = doc
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("builtin_function_or_method")

  public override func call(_ arguments: Arguments) throws -> Value {
    try body(arguments)
  }

  public override func repr() throws -> String { "<built-in function \(name)>" }

  public override var doc: String? { help }
}
