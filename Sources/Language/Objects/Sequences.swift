/// Python's `slice`: what `a[1:5:2]` passes to `item`.
public final class PySlice: PyObject {
  /// The first index as written; `None` when left out.
  public let start: Value
  /// The end index as written; `None` when left out.
  public let stop: Value
  /// The stride as written; `None` when left out.
  public let step: Value

  /// Makes a slice.
  public init(start: Value, stop: Value, step: Value) {
    self.start = start
    self.stop = stop
    self.step = step
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("slice") { type in
    type.property("start") { (s: PySlice) in s.start }
    type.property("stop") { (s: PySlice) in s.stop }
    type.property("step") { (s: PySlice) in s.step }
  }

  public override func repr() throws -> String {
    "slice(\(try start.repr()), \(try stop.repr()), \(try step.repr()))"
  }

  public override func hashKey() throws -> AnyHashable? { nil }

  /// The start, stop and step for a sequence of `count` items, clamped as
  /// Python's `slice.indices` does.
  public func bounds(count: Int) throws -> (start: Int, stop: Int, step: Int) {
    let step = step.isNone ? 1 : try self.step.asInt(context: "slice step")
    guard step != 0 else { throw PyError.valueError("slice step cannot be zero") }
    func clamp(_ value: Value, _ fallback: Int) throws -> Int {
      if value.isNone { return fallback }
      var index = try value.asInt(
        context: "slice indices must be integers or None or have an __index__ method; index")
      if index < 0 { index += count }
      if step > 0 { return min(max(index, 0), count) }
      return min(max(index, -1), count - 1)
    }
    let lower = try clamp(start, step > 0 ? 0 : count - 1)
    let upper = try clamp(stop, step > 0 ? count : -1)
    return (lower, upper, step)
  }

  /// The indices the slice selects from a sequence of `count` items.
  public func indices(count: Int) throws -> [Int] {
    let (lower, upper, step) = try bounds(count: count)
    return Array(stride(from: lower, to: upper, by: step))
  }

  func clampedStart(count: Int) throws -> Int { try bounds(count: count).start }
}

/// The `...` constant, which NumPy indexing reads as "all other axes".
public final class PyEllipsis: PyObject {
  /// The one instance.
  nonisolated(unsafe) public static let shared = PyEllipsis()

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("ellipsis")

  public override func repr() throws -> String { "Ellipsis" }
}

/// Python's `range`.
public final class PyRange: PyObject {
  /// The first value.
  public let start: Int
  /// The bound, never reached.
  public let stop: Int
  /// The stride, never zero.
  public let step: Int

  /// Makes a range; `step` must not be zero.
  public init(start: Int, stop: Int, step: Int) {
    self.start = start
    self.stop = stop
    self.step = step
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("range") { type in
    type.property("start") { (r: PyRange) in .int(r.start) }
    type.property("stop") { (r: PyRange) in .int(r.stop) }
    type.property("step") { (r: PyRange) in .int(r.step) }
  }

  /// How many values the range holds, exactly, even past Int.max.
  public var wideCount: Int128 {
    let (first, last, stride) = (Int128(start), Int128(stop), Int128(step))
    if stride > 0 { return first < last ? (last - first - 1) / stride + 1 : 0 }
    return first > last ? (first - last - 1) / -stride + 1 : 0
  }

  public override func length() throws -> Int {
    guard let count = Int(exactly: wideCount) else {
      throw PyError(.overflowError, "Python int too large to convert to C ssize_t")
    }
    return count
  }

  /// The value at `index`, which must lie in `0..<length()`; such a value
  /// lies between start and stop, so it always fits.
  public func element(at index: Int) -> Int {
    Int(truncatingIfNeeded: Int128(start) + Int128(index) * Int128(step))
  }

  public override func makeIterator() throws -> PyIterator { RangeIterator(self) }

  public override func item(_ key: Value) throws -> Value {
    let count = try length()
    if case .object(let slice as PySlice) = key {
      let (lower, upper, sliceStep) = try slice.bounds(count: count)
      return .object(try subrange(lower: lower, upper: upper, sliceStep: sliceStep))
    }
    let index = try normalizedIndex(key, count: count, kind: "range object")
    return .int(element(at: index))
  }

  /// The range `self[lower:upper:sliceStep]` with bounds already clamped.
  private func subrange(lower: Int, upper: Int, sliceStep: Int) throws -> PyRange {
    let stride = Int128(step) * Int128(sliceStep)
    let first = Int128(start) + Int128(lower) * Int128(step)
    let bound = Int128(start) + Int128(upper) * Int128(step)
    guard let newStep = Int(exactly: stride), let newStart = Int(exactly: first) else {
      // Only an empty slice can start outside the Int range.
      if let newStep = Int(exactly: stride) {
        return PyRange(start: start, stop: start, step: newStep)
      }
      throw PyError(.overflowError, "range slice step too large (mlscript ints are 64-bit)")
    }
    if let newStop = Int(exactly: bound) {
      return PyRange(start: newStart, stop: newStop, step: newStep)
    }

    // The exact stop lies past Int's limits; any stop between the last value
    // and the next one gives the same range.
    let sliced = PyRange(start: newStart, stop: newStart, step: newStep)
    let count =
      Int128(sliceStep) > 0
      ? max(0, (Int128(upper) - Int128(lower) - 1) / Int128(sliceStep) + 1)
      : max(0, (Int128(lower) - Int128(upper) - 1) / -Int128(sliceStep) + 1)
    guard count > 0 else { return sliced }
    let next = first + count * stride
    let afterLast = first + (count - 1) * stride + (stride > 0 ? 1 : -1)
    guard let newStop = Int(exactly: next) ?? Int(exactly: afterLast) else {
      throw PyError(.overflowError, "range slice too large (mlscript ints are 64-bit)")
    }
    return PyRange(start: newStart, stop: newStop, step: newStep)
  }

  public override func contains(_ value: Value) throws -> Bool {
    guard let number = value.intLike else { return try super.contains(value) }
    if step > 0 {
      guard number >= start && number < stop else { return false }
    } else {
      guard number <= start && number > stop else { return false }
    }
    return (Int128(number) - Int128(start)) % Int128(step) == 0
  }

  public override func repr() throws -> String {
    step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
  }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard op == .equal || op == .notEqual, let range = other.object(as: PyRange.self) else {
      return try super.compare(op, other)
    }
    let count = try length()
    let otherCount = try range.length()
    let same =
      count == otherCount
      && (count == 0 || (start == range.start && (count == 1 || step == range.step)))
    return .bool(op == .equal ? same : !same)
  }
}

private final class RangeIterator: PyIterator {
  private var current: Int
  private let range: PyRange
  private var done = false
  init(_ range: PyRange) {
    self.range = range
    current = range.start
  }
  func next() throws -> Value? {
    guard !done, range.step > 0 ? current < range.stop : current > range.stop else {
      return nil
    }
    let value = current
    let (next, overflow) = current.addingReportingOverflow(range.step)
    if overflow { done = true } else { current = next }
    return .int(value)
  }
}

/// An iterator as a value: what `iter()`, `enumerate`, `zip`, `map` and
/// generator expressions give.
public final class PyIteratorObject: PyObject {
  private let iterator: PyIterator
  private let name: String

  /// Wraps an iterator under a type name such as `enumerate`.
  public init(_ iterator: PyIterator, name: String) {
    self.iterator = iterator
    self.name = name
  }

  public override var type: PyType {
    PyIteratorObject.types[name] ?? PyIteratorObject.types["iterator"] ?? PyType.object
  }
  nonisolated(unsafe) static var types: [String: PyType] = {
    var types: [String: PyType] = [:]
    for name in [
      "iterator", "enumerate", "zip", "map", "filter", "generator", "list_reverseiterator",
      "dict_keyiterator", "range_iterator",
    ] {
      types[name] = PyType(name)
    }
    return types
  }()

  public override func makeIterator() throws -> PyIterator { iterator }

  public override func isTruthy() throws -> Bool { true }

  public override func repr() throws -> String {
    "<\(name) object at \(addressText(self))>"
  }

  /// The next item, for `next()`.
  func nextItem() throws -> Value? { try iterator.next() }
}

/// The result of a generator expression; computed eagerly.
final class PyGenerator: PyObject {
  private let iterator: ArrayIterator
  init(_ items: [Value]) { iterator = ArrayIterator(items) }
  override var type: PyType { Self.pyType }
  static let pyType = PyType("generator")
  override func makeIterator() throws -> PyIterator { iterator }
  override func isTruthy() throws -> Bool { true }
  override func repr() throws -> String { "<generator object <genexpr> at \(addressText(self))>" }
  func nextItem() throws -> Value? { try iterator.next() }
}

/// A class as a value: `int`, `list`, `np.ndarray`, `Dense`. Calling it
/// makes an instance; `isinstance` asks it whether a value is one.
public final class TypeObject: PyObject {
  /// The class's name.
  public let name: String
  /// The module that defines it (`numpy`), shown in its repr; nil for
  /// built-in classes.
  public let module: String?
  private let construct: ((Arguments) throws -> Value)?
  private let test: (Value) -> Bool
  private let help: String?

  /// A class whose instances are those `test` accepts, constructed by
  /// `construct` when called.
  public init(
    name: String, module: String? = nil, doc: String? = nil, test: @escaping (Value) -> Bool,
    construct: ((Arguments) throws -> Value)? = nil
  ) {
    self.name = name
    self.module = module
    self.test = test
    self.construct = construct
    self.help = doc
  }

  /// The class of the native objects of `pyType`, for `isinstance(x,
  /// np.ndarray)` and `type(x)`.
  public convenience init(
    _ pyType: PyType, module: String? = nil, construct: ((Arguments) throws -> Value)? = nil
  ) {
    self.init(
      name: pyType.name, module: module, doc: pyType.doc,
      test: { value in
        guard case .object(let object) = value else { return false }
        return object.type === pyType || object.type.name == pyType.name
      }, construct: construct)
  }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("type") { type in
    type.property("__name__") { (t: TypeObject) in .string(t.name) }
  }

  /// Whether `value` is an instance.
  public func isInstance(_ value: Value) -> Bool { test(value) }

  public override func call(_ arguments: Arguments) throws -> Value {
    guard let construct else {
      throw PyError.typeError("cannot create '\(name)' instances")
    }
    return try construct(arguments)
  }

  public override func repr() throws -> String {
    "<class '\(module.map { $0 + "." } ?? "")\(name)'>"
  }

  public override var doc: String? { help }

  public override func hashKey() throws -> AnyHashable? { "\u{0}type:" + name }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard op == .equal || op == .notEqual else { return nil }
    var same = false
    if let type = other.object(as: TypeObject.self) { same = type.name == name }
    return .bool(op == .equal ? same : !same)
  }
}
