/// Python's `set`.
///
/// The elements sit in an open-addressing table laid out as CPython lays
/// out its own (same sizes, probe sequence, dummies and growth), so a set of
/// numbers iterates and prints in CPython's order. Elements whose CPython
/// hash is randomized per process (strings, None, objects) have no order to
/// match, so a set holding any of them iterates in insertion order instead,
/// which keeps output reproducible.
public final class PySet: PyObject {
  private enum Slot {
    case unused
    case dummy
    case active(Value, hash: Int, serial: Int)
  }

  private var table = [Slot](repeating: .unused, count: minimumSize)
  private var positions: [AnyHashable: Int] = [:]
  // Slots ever filled since the last resize (active or dummy) and active.
  private var fill = 0
  private var used = 0
  private var finger = 0
  private var nextSerial = 0
  private var unorderedCount = 0
  private var cachedItems: [Value]?

  private static let minimumSize = 8
  private static let linearProbes = 9
  private static let perturbShift = 5

  /// Makes an empty set.
  public override init() {}

  /// Makes a set of the elements of `values`, added in order.
  public convenience init(_ values: [Value]) throws {
    self.init()
    for value in values { try add(value) }
  }

  /// The elements in iteration order.
  public var items: [Value] {
    if let cachedItems { return cachedItems }
    var entries: [(value: Value, serial: Int)] = []
    entries.reserveCapacity(used)
    for case .active(let value, _, let serial) in table { entries.append((value, serial)) }
    if unorderedCount > 0 { entries.sort { $0.serial < $1.serial } }
    let values = entries.map(\.value)
    cachedItems = values
    return values
  }

  /// How many elements it holds.
  public var count: Int { used }

  public override var type: PyType { Self.pyType }
  /// The set type; the interpreter adds the methods.
  nonisolated(unsafe) public static var pyType = PyType("set")

  /// Adds an element.
  public func add(_ value: Value) throws {
    let key = try PyDict.hashable(value)
    guard positions[key] == nil else { return }
    let numeric = try value.numericHash()
    insert(
      value, key: key, hash: numeric ?? Self.processHash(key), ordered: numeric != nil,
      serial: nextSerial)
    nextSerial += 1
  }

  /// Removes an element; false when it was absent.
  @discardableResult
  public func remove(_ value: Value) throws -> Bool {
    let key = try PyDict.hashable(value)
    guard let slot = positions.removeValue(forKey: key) else { return false }
    if case .active(let old, _, _) = table[slot], try old.numericHash() == nil {
      unorderedCount -= 1
    }
    table[slot] = .dummy
    used -= 1
    cachedItems = nil
    return true
  }

  /// Removes and returns an element, scanning on from where the last pop
  /// stopped as CPython does; nil when the set is empty.
  public func popItem() throws -> Value? {
    guard used > 0 else { return nil }
    if unorderedCount > 0, let first = items.first {
      try remove(first)
      return first
    }
    var slot = finger & (table.count - 1)
    while true {
      if case .active(let value, _, _) = table[slot] {
        try remove(value)
        finger = slot + 1
        return value
      }
      slot = (slot + 1) & (table.count - 1)
    }
  }

  /// Removes every element.
  public func removeAll() {
    table = [Slot](repeating: .unused, count: Self.minimumSize)
    positions = [:]
    fill = 0
    used = 0
    unorderedCount = 0
    cachedItems = nil
  }

  /// A new set with the same elements, built as CPython's `set.copy` is.
  public func copy() throws -> PySet {
    let result = PySet()
    try result.merge(self)
    return result
  }

  /// Adds every element of `other`, reusing its stored hashes and, when
  /// this set is empty, its layout (CPython's `set_merge`).
  public func merge(_ other: PySet) throws {
    guard other !== self, other.used > 0 else { return }
    if (fill + other.used) * 5 >= (table.count - 1) * 3 {
      resize(atLeast: (used + other.used) * 2)
    }
    if fill == 0, table.count == other.table.count, other.fill == other.used {
      replaceContents(with: other)
      return
    }
    // Serials carry over, offset, so unordered sets keep insertion order.
    let base = nextSerial
    for case .active(let value, let hash, let serial) in other.table {
      let key = try PyDict.hashable(value)
      guard positions[key] == nil else { continue }
      let ordered = try value.numericHash() != nil
      insert(value, key: key, hash: hash, ordered: ordered, serial: base + serial)
    }
    nextSerial = base + other.nextSerial
  }

  /// Adds the elements of any iterable.
  public func update(from iterable: Value) throws {
    if let other = iterable.object(as: PySet.self) { return try merge(other) }
    if let dict = iterable.object(as: PyDict.self),
      (fill + dict.keys.count) * 5 >= (table.count - 1) * 3
    {
      resize(atLeast: (used + dict.keys.count) * 2)
    }
    try forEach(iterable) { try add($0) }
  }

  public override func contains(_ value: Value) throws -> Bool {
    positions[try PyDict.hashable(value)] != nil
  }
  public override func length() throws -> Int { count }
  public override func makeIterator() throws -> PyIterator { ArrayIterator(items) }
  public override func hashKey() throws -> AnyHashable? { nil }

  public override func repr() throws -> String {
    if used == 0 { return "set()" }
    return try ContainerWalk.repr(of: self, placeholder: "{...}") {
      "{" + (try items.map { try $0.repr() }.joined(separator: ", ")) + "}"
    }
  }

  func isSubset(of other: PySet) throws -> Bool {
    for item in items where !(try other.contains(item)) { return false }
    return true
  }

  /// `self op other` for the set operators, each building its result in
  /// the order CPython's does.
  func operation(_ op: BinaryOperator, _ other: PySet) throws -> Value? {
    switch op {
    case .bitOr:
      let result = try copy()
      try result.merge(other)
      return .object(result)
    case .bitAnd:
      return .object(try intersection(with: .object(other)))
    case .subtract:
      return .object(try difference(with: .object(other)))
    case .bitXor:
      let result = try other.copy()
      try result.toggle(self)
      return .object(result)
    default:
      return nil
    }
  }

  /// The elements also in `other`, which may be any iterable.
  func intersection(with other: Value) throws -> PySet {
    let result = PySet()
    guard let otherSet = other.object(as: PySet.self) else {
      try forEach(other) { if try contains($0) { try result.add($0) } }
      return result
    }
    let (probed, scanned) = otherSet.count > count ? (otherSet, self) : (self, otherSet)
    for item in scanned.items where try probed.contains(item) { try result.add(item) }
    return result
  }

  /// The elements not in `other`, which may be any iterable.
  func difference(with other: Value) throws -> PySet {
    guard let otherSet = other.object(as: PySet.self), count >> 2 <= otherSet.count else {
      let result = try copy()
      try forEach(other) { try result.remove($0) }
      return result
    }
    let result = PySet()
    for item in items where !(try otherSet.contains(item)) { try result.add(item) }
    return result
  }

  /// Removes the elements of `other` that are here and adds the rest.
  func toggle(_ other: PySet) throws {
    for item in other.items where !(try remove(item)) { try add(item) }
  }

  public override func inPlaceOperation(_ op: BinaryOperator, _ other: Value) throws -> Value? {
    guard let otherSet = other.object(as: PySet.self) else { return nil }
    switch op {
    case .bitOr: try merge(otherSet)
    case .bitAnd: replaceContents(with: try intersection(with: other))
    case .subtract:
      if otherSet === self {
        removeAll()
      } else {
        for item in otherSet.items { try remove(item) }
      }
    case .bitXor:
      if otherSet === self { removeAll() } else { try toggle(otherSet) }
    default: return nil
    }
    return .object(self)
  }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard let set = other.object(as: PySet.self) else { return try super.compare(op, other) }
    let inside = try isSubset(of: set)
    let around = try set.isSubset(of: self)
    switch op {
    case .equal: return .bool(count == set.count && inside)
    case .notEqual: return .bool(!(count == set.count && inside))
    case .lessEqual: return .bool(inside)
    case .less: return .bool(count < set.count && inside)
    case .greaterEqual: return .bool(around)
    case .greater: return .bool(count > set.count && around)
    }
  }

  private func replaceContents(with other: PySet) {
    table = other.table
    positions = other.positions
    fill = other.fill
    used = other.used
    unorderedCount = other.unorderedCount
    nextSerial = other.nextSerial
    cachedItems = nil
  }

  // A stand-in hash for values whose CPython hash is not reproducible;
  // -1 is avoided as CPython avoids it.
  private static func processHash(_ key: AnyHashable) -> Int {
    let hash = key.hashValue
    return hash == -1 ? -2 : hash
  }

  private func insert(
    _ value: Value, key: AnyHashable, hash: Int, ordered: Bool, serial: Int
  ) {
    let mask = table.count - 1
    var index = Int(UInt(bitPattern: hash) & UInt(mask))
    var perturb = UInt(bitPattern: hash)
    var reusable: Int?
    var target = -1
    search: while true {
      let probes = index + Self.linearProbes <= mask ? Self.linearProbes : 0
      for slot in index...(index + probes) {
        switch table[slot] {
        case .unused:
          target = slot
          break search
        case .dummy:
          // CPython ends up reusing the last dummy passed on the way.
          reusable = slot
        case .active:
          continue
        }
      }
      perturb >>= UInt(Self.perturbShift)
      index = Int((UInt(index) &* 5 &+ 1 &+ perturb) & UInt(mask))
    }

    let slot = reusable ?? target
    table[slot] = .active(value, hash: hash, serial: serial)
    positions[key] = slot
    used += 1
    if !ordered { unorderedCount += 1 }
    cachedItems = nil
    guard reusable == nil else { return }
    fill += 1
    if fill * 5 >= mask * 3 { resize(atLeast: used > 50_000 ? used * 2 : used * 4) }
  }

  // Rebuilds the table larger than `minimum`, re-adding the elements in
  // their current slot order, which drops the dummies.
  private func resize(atLeast minimum: Int) {
    var size = Self.minimumSize
    while size <= minimum { size <<= 1 }
    let old = table
    table = [Slot](repeating: .unused, count: size)
    let mask = size - 1
    for case .active(let value, let hash, let serial) in old {
      var index = Int(UInt(bitPattern: hash) & UInt(mask))
      var perturb = UInt(bitPattern: hash)
      var target = -1
      search: while true {
        let probes = index + Self.linearProbes <= mask ? Self.linearProbes : 0
        for slot in index...(index + probes) {
          if case .unused = table[slot] {
            target = slot
            break search
          }
        }
        perturb >>= UInt(Self.perturbShift)
        index = Int((UInt(index) &* 5 &+ 1 &+ perturb) & UInt(mask))
      }
      table[target] = .active(value, hash: hash, serial: serial)
      if let key = try? PyDict.hashable(value) { positions[key] = target }
    }
    fill = used
    cachedItems = nil
  }
}
