/// A module: `numpy`, `tensorflow.keras.layers`, `math`.
///
/// Members may be computed on first access, so that importing a module
/// costs nothing until its parts are used.
public final class PyModule: PyObject {
  /// The module's dotted name.
  public let name: String
  private var members: [String: Value] = [:]
  private var lazyMembers: [String: () throws -> Value] = [:]
  private let help: String?

  /// Makes a module named `name`.
  public init(_ name: String, doc: String? = nil) {
    self.name = name
    self.help = doc
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("module")

  /// Adds or replaces a member.
  public func define(_ member: String, _ value: Value) {
    members[member] = value
    lazyMembers[member] = nil
  }

  /// Adds a member made on first access.
  public func defineLazily(_ member: String, _ make: @escaping () throws -> Value) {
    lazyMembers[member] = make
  }

  /// Adds a function member.
  public func function(
    _ member: String, doc: String? = nil, _ body: @escaping (Arguments) throws -> Value
  ) {
    define(member, .object(BuiltinFunction(member, doc: doc, body)))
  }

  public override func attribute(_ member: String) throws -> Value? {
    if let value = members[member] { return value }
    if let make = lazyMembers[member] {
      let value = try make()
      define(member, value)
      return value
    }
    if member == "__name__" { return .string(name) }
    return nil
  }

  public override func setAttribute(_ member: String, _ value: Value) throws {
    define(member, value)
  }

  public override func attributeNames() -> [String] {
    Array(Set(members.keys).union(lazyMembers.keys)).sorted()
  }

  public override func repr() throws -> String { "<module '\(name)'>" }

  public override var doc: String? { help }
}

/// Finds built-in modules by dotted name for `import`.
public protocol ModuleProvider: AnyObject {
  /// The module called `name` (`"numpy"`, `"tensorflow.keras"`), or nil
  /// when there is none.
  func module(named name: String) throws -> PyModule?
}
