import Language

/// TensorFlow's `TensorShape`: prints as `TensorShape([1, 16, 16, 3])`,
/// indexes and compares like a tuple of ints.
public final class TensorShape: PyObject {
  /// The axis lengths (nil for unknown).
  public let dimensions: [Int?]

  /// Makes a fully known shape.
  public init(_ dimensions: [Int]) { self.dimensions = dimensions.map { $0 } }

  /// Makes a shape with unknown axes (`None`).
  public init(partial dimensions: [Int?]) { self.dimensions = dimensions }

  public override var type: PyType { Self.pyType }

  private static let pyType = PyType("TensorShape") { t in
    t.method("as_list") { (s: TensorShape, _) in .list(s.values) }
    t.property("rank") { (s: TensorShape) in .int(s.dimensions.count) }
    t.property("ndims") { (s: TensorShape) in .int(s.dimensions.count) }
  }

  private var values: [Value] { dimensions.map { $0.map(Value.int) ?? .none } }

  public override func repr() throws -> String {
    "TensorShape([" + dimensions.map { $0.map(String.init) ?? "None" }.joined(separator: ", ")
      + "])"
  }

  public override func str() throws -> String { try Value.tuple(values).repr() }

  public override func length() throws -> Int { dimensions.count }

  public override func item(_ key: Value) throws -> Value {
    let position = try key.asInt(context: "TensorShape index")
    let resolved = position < 0 ? position + dimensions.count : position
    guard resolved >= 0 && resolved < dimensions.count else {
      throw PyError(.indexError, "list index out of range")
    }
    return values[resolved]
  }

  public override func makeIterator() throws -> PyIterator { ArrayIterator(values) }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard op == .equal || op == .notEqual else { return nil }
    let items =
      other.object(as: TensorShape.self)?.values ?? other.object(as: PyTuple.self)?.items
      ?? other.object(as: PyList.self)?.items
    guard let items else { return .bool(op == .notEqual) }
    var same = items.count == dimensions.count
    if same {
      for (a, b) in zip(values, items) where !(try Value.equal(a, b)) { same = false }
    }
    return .bool(op == .equal ? same : !same)
  }
}
