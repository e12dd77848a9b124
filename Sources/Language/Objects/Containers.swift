/// Iterates over an array of values.
public final class ArrayIterator: PyIterator {
  private let items: [Value]
  private var position = 0

  /// Makes an iterator over `items`.
  public init(_ items: [Value]) { self.items = items }

  public func next() throws -> Value? {
    guard position < items.count else { return nil }
    defer { position += 1 }
    return items[position]
  }
}

/// Python's `list`.
public final class PyList: PyObject {
  /// The elements.
  public var items: [Value]

  /// Makes a list.
  public init(_ items: [Value] = []) { self.items = items }

  public override var type: PyType { Self.pyType }
  /// The list type; the interpreter adds the methods.
  nonisolated(unsafe) public static var pyType = PyType("list")

  public override func length() throws -> Int { items.count }

  public override func makeIterator() throws -> PyIterator { ArrayIterator(items) }

  public override func repr() throws -> String {
    try ContainerWalk.repr(of: self, placeholder: "[...]") {
      "[" + (try items.map { try $0.repr() }.joined(separator: ", ")) + "]"
    }
  }

  public override func hashKey() throws -> AnyHashable? { nil }

  /// `list += iterable` extends and `list *= n` repeats this list, which
  /// every other name for it then sees.
  public override func inPlaceOperation(_ op: BinaryOperator, _ other: Value) throws -> Value? {
    switch op {
    case .add:
      try forEach(other) { items.append($0) }
      return .object(self)
    case .multiply:
      let product = try Language.binaryOperation(.multiply, .object(self), other)
      guard let repeated = product.object(as: PyList.self) else { return nil }
      items = repeated.items
      return .object(self)
    default:
      return nil
    }
  }
}

/// Python's `tuple`.
public final class PyTuple: PyObject {
  /// The elements.
  public let items: [Value]

  /// Makes a tuple.
  public init(_ items: [Value]) { self.items = items }

  public override var type: PyType { Self.pyType }
  /// The tuple type; the interpreter adds the methods.
  nonisolated(unsafe) public static var pyType = PyType("tuple")

  public override func length() throws -> Int { items.count }

  public override func makeIterator() throws -> PyIterator { ArrayIterator(items) }

  public override func repr() throws -> String {
    try ContainerWalk.repr(of: self, placeholder: "(...)") {
      let inside = try items.map { try $0.repr() }.joined(separator: ", ")
      return items.count == 1 ? "(\(inside),)" : "(\(inside))"
    }
  }

  public override func hashKey() throws -> AnyHashable? {
    try ContainerWalk.nested("while hashing") {
      var keys: [AnyHashable] = []
      for item in items {
        guard let key = try item.hashKey() else { return nil }
        keys.append(key)
      }
      return keys
    }
  }

  public override func numericHash() throws -> Int? {
    var hashes: [Int] = []
    for item in items {
      guard let hash = try item.numericHash() else { return nil }
      hashes.append(hash)
    }
    return NumericHash.ofTuple(hashes)
  }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard let tuple = other.object(as: PyTuple.self) else {
      return try super.compare(op, other)
    }
    switch op {
    case .equal, .notEqual:
      var same = tuple === self || tuple.items.count == items.count
      if same, tuple !== self {
        try ContainerWalk.nested("in comparison") {
          for (a, b) in zip(items, tuple.items) where !(try Value.equal(a, b)) {
            same = false
            break
          }
        }
      }
      return .bool(op == .equal ? same : !same)
    default: return nil
    }
  }
}

/// Python's `dict`: insertion-ordered, keyed by hashable values.
public final class PyDict: PyObject {
  /// The keys in insertion order.
  public var keys: [Value] {
    removed == 0 ? slots.map(\.key) : slots.compactMap { $0.isLive ? $0.key : nil }
  }

  /// Entries in insertion order; a removed one stays as a tombstone until
  /// they make up half, so that removal does not move the rest.
  private var slots: [Slot] = []
  /// Where each key's entry is.
  private var index: [AnyHashable: Int] = [:]
  /// How many tombstones `slots` holds.
  private var removed = 0

  private struct Slot {
    var key: Value
    var value: Value
    var isLive = true
  }

  /// Makes an empty dict.
  public override init() {}

  /// Makes a dict from string keys, in order.
  public convenience init(_ pairs: [(String, Value)]) {
    self.init()
    for (key, value) in pairs { try? set(.string(key), value) }
  }

  public override var type: PyType { Self.pyType }
  /// The dict type; the interpreter adds the methods.
  nonisolated(unsafe) public static var pyType = PyType("dict")

  /// The value stored under `key`, or nil.
  public func get(_ key: Value) throws -> Value? {
    guard let slot = index[try Self.hashable(key)] else { return nil }
    return slots[slot].value
  }

  /// Stores `value` under `key`.
  public func set(_ key: Value, _ value: Value) throws {
    let hashed = try Self.hashable(key)
    if let slot = index[hashed] {
      slots[slot].value = value
    } else {
      index[hashed] = slots.count
      slots.append(Slot(key: key, value: value))
    }
  }

  /// Removes `key`; returns its value, or nil when it was absent.
  @discardableResult
  public func remove(_ key: Value) throws -> Value? {
    guard let slot = index.removeValue(forKey: try Self.hashable(key)) else { return nil }
    let value = slots[slot].value
    slots[slot] = Slot(key: .none, value: .none, isLive: false)
    removed += 1
    if removed * 2 > slots.count { try compact() }
    return value
  }

  /// Drops the tombstones and renumbers the index.
  private func compact() throws {
    slots.removeAll { !$0.isLive }
    removed = 0
    for (position, slot) in slots.enumerated() {
      index[try Self.hashable(slot.key)] = position
    }
  }

  /// The key inserted last, as `popitem` takes it.
  public var lastKey: Value? { slots.last { $0.isLive }?.key }

  /// The key-value pairs in insertion order.
  public var pairs: [(key: Value, value: Value)] {
    slots.compactMap { $0.isLive ? ($0.key, $0.value) : nil }
  }

  public override func length() throws -> Int { slots.count - removed }

  public override func makeIterator() throws -> PyIterator { ArrayIterator(keys) }

  public override func contains(_ value: Value) throws -> Bool {
    index[try Self.hashable(value)] != nil
  }

  public override func item(_ key: Value) throws -> Value {
    guard let value = try get(key) else {
      throw PyError.keyError(key)
    }
    return value
  }

  public override func setItem(_ key: Value, _ value: Value) throws { try set(key, value) }

  public override func deleteItem(_ key: Value) throws {
    guard try remove(key) != nil else { throw PyError.keyError(key) }
  }

  public override func repr() throws -> String {
    try ContainerWalk.repr(of: self, placeholder: "{...}") {
      let inside = try pairs.map { "\(try $0.key.repr()): \(try $0.value.repr())" }
      return "{" + inside.joined(separator: ", ") + "}"
    }
  }

  public override func hashKey() throws -> AnyHashable? { nil }

  static func hashable(_ key: Value) throws -> AnyHashable {
    guard let hashed = try key.hashKey() else {
      throw PyError.typeError("unhashable type: '\(key.typeName)'")
    }
    return hashed
  }
}

extension Value {
  /// A hash for dict keys; equal numbers hash alike (`1 == 1.0 == True`).
  public func hashKey() throws -> AnyHashable? {
    switch self {
    case .none: return AnyHashable("\u{0}None")
    case .bool(let flag): return AnyHashable(flag ? 1 : 0)
    case .int(let number): return AnyHashable(number)
    case .float(let number):
      // Whole floats key as the int they equal; every int is exact as an
      // Int key, where a Double would merge neighbours above 2**53.
      if let whole = Int(exactly: number) { return AnyHashable(whole) }
      return AnyHashable(number)
    case .string(let text): return AnyHashable(StringKey(text: text))
    case .object(let object): return try object.hashKey()
    }
  }
}
