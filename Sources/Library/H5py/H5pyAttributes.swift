import DataFiles
import Language
import Tensors

/// `obj.attrs`: a dict-like view of a group's or dataset's attributes.
final class H5pyAttributes: PyObject {
  let attributes: HDF5Attributes

  init(_ attributes: HDF5Attributes) { self.attributes = attributes }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("AttributeManager") { t in
    t.method("keys") { (a: H5pyAttributes, args) in
      _ = try args.bind("keys()")
      return .list(try a.attributes.keys().map(Value.string))
    }
    t.method("values") { (a: H5pyAttributes, args) in
      _ = try args.bind("values()")
      return .list(try a.attributes.keys().map { H5pyValues.value(try a.attributes.get($0)) })
    }
    t.method("items") { (a: H5pyAttributes, args) in
      _ = try args.bind("items()")
      return .list(
        try a.attributes.keys().map {
          .tuple([.string($0), H5pyValues.value(try a.attributes.get($0))])
        })
    }
    t.method("get") { (a: H5pyAttributes, args) in
      let bound = try args.bind("get(name, default=None)")
      let name = try bound.string("name")
      guard try a.attributes.contains(name) else { return bound["default"] ?? .none }
      return H5pyValues.value(try a.attributes.get(name))
    }
  }

  private func name(_ key: Value) throws -> String {
    guard case .string(let name) = key else {
      throw PyError.typeError("attribute names must be str, not \(key.typeName)")
    }
    return name
  }

  override func item(_ key: Value) throws -> Value {
    H5pyValues.value(try attributes.get(try name(key)))
  }

  override func setItem(_ key: Value, _ value: Value) throws {
    let name = try name(key)
    try attributes.set(name, try H5pyValues.data(value, what: "attribute '\(name)'"))
  }

  override func deleteItem(_ key: Value) throws { try attributes.delete(try name(key)) }

  override func contains(_ value: Value) throws -> Bool {
    guard case .string(let name) = value else { return false }
    return try attributes.contains(name)
  }

  override func length() throws -> Int { try attributes.keys().count }

  override func makeIterator() throws -> PyIterator {
    ArrayIterator(try attributes.keys().map(Value.string))
  }

  override func repr() throws -> String {
    guard attributes.file.isOpen else { return "<Attributes of closed HDF5 object>" }
    return "<Attributes of HDF5 object \"\(attributes.path)\">"
  }
}

/// What `keys()`, `values()` and `items()` of a group return.
final class H5pyView: PyObject {
  enum Kind {
    case keys, values, items
  }

  let group: H5pyGroup
  let kind: Kind

  init(_ group: H5pyGroup, kind: Kind) {
    self.group = group
    self.kind = kind
  }

  override var type: PyType {
    switch kind {
    case .keys: return Self.keysType
    case .values: return Self.valuesType
    case .items: return Self.itemsType
    }
  }
  static let keysType = PyType("KeysViewHDF5")
  static let valuesType = PyType("ValuesViewHDF5")
  static let itemsType = PyType("ItemsViewHDF5")

  private func elements() throws -> [Value] {
    let names = try group.group.keys()
    switch kind {
    case .keys: return names.map(Value.string)
    case .values: return try names.map { try group.member($0) }
    case .items: return try names.map { .tuple([.string($0), try group.member($0)]) }
    }
  }

  override func length() throws -> Int { try group.group.keys().count }

  override func makeIterator() throws -> PyIterator { ArrayIterator(try elements()) }

  override func contains(_ value: Value) throws -> Bool {
    if kind == .keys, case .string(let name) = value { return try group.group.contains(name) }
    return try super.contains(value)
  }

  override func repr() throws -> String {
    switch kind {
    case .keys:
      let names = try group.group.keys().map { quoteString($0) }.joined(separator: ", ")
      return "<KeysViewHDF5 [\(names)]>"
    case .values: return "ValuesViewHDF5(\(try group.repr()))"
    case .items: return "ItemsViewHDF5(\(try group.repr()))"
    }
  }
}
