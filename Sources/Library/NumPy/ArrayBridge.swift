import Language
import Tensors

/// An array as the language sees it: a NumPy `ndarray`, or a `tf.Tensor`
/// when Keras returned it (which prints as TensorFlow does and has
/// `.numpy()`).
public final class NDArrayObject: PyObject {
  /// Which Python type the array presents itself as.
  public enum Flavor: Sendable {
    case ndarray
    case tensor
  }

  /// The array.
  public var array: NDArray
  /// Whether it is an ndarray or a tf.Tensor.
  public let flavor: Flavor

  /// Wraps an array.
  public init(_ array: NDArray, flavor: Flavor = .ndarray) {
    self.array = array
    self.flavor = flavor
  }

  /// Wraps an array as a `tf.Tensor`.
  public static func tensor(_ array: NDArray) -> NDArrayObject {
    NDArrayObject(array, flavor: .tensor)
  }

  public override var type: PyType { flavor == .tensor ? Self.tensorType : Self.ndarrayType }

  /// The `ndarray` type, with the NumPy methods and properties.
  nonisolated(unsafe) public static var ndarrayType = makeArrayType("ndarray")
  /// The `tf.Tensor` type (`EagerTensor`).
  nonisolated(unsafe) public static var tensorType = makeArrayType("EagerTensor")

  /// Wraps a result in this object's flavor (0-d ndarrays become NumPy
  /// scalars).
  func wrap(_ result: NDArray) -> Value { Value(array: result, flavor: flavor) }

  public override func repr() throws -> String {
    guard flavor == .tensor else { return array.numpyRepr }
    var text = array.numpyRepr
    if text.contains("\n") { text = "\n" + text }
    return "<tf.Tensor: shape=\(formatShape(array.shape)), dtype=\(array.dtype.rawValue),"
      + " numpy=\(text)>"
  }

  public override func str() throws -> String {
    guard flavor == .tensor else { return array.numpyString }
    var text = array.numpyString
    if text.contains("\n") { text = "\n" + text }
    return "tf.Tensor(\(text), shape=\(formatShape(array.shape)), dtype=\(array.dtype.rawValue))"
  }

  public override func length() throws -> Int {
    guard let first = array.shape.first else { throw PyError.typeError("len() of unsized object") }
    return first
  }

  public override func isTruthy() throws -> Bool {
    guard array.count == 1 else {
      if array.count == 0 { return false }
      throw PyError.valueError(
        "The truth value of an array with more than one element is ambiguous."
          + " Use a.any() or a.all()")
    }
    return array.double(atOffset: array.elementOffsets()[0]) != 0
  }

  public override func hashKey() throws -> AnyHashable? { nil }

  public override func makeIterator() throws -> PyIterator {
    guard let first = array.shape.first else {
      throw PyError.typeError("iteration over a 0-d array")
    }
    let source = array
    let flavor = self.flavor
    return try ArrayIterator(
      (0..<first).map { Value(array: try source.subscripted([.index($0)]), flavor: flavor) })
  }

  public override func item(_ key: Value) throws -> Value {
    wrap(try array.subscripted(try indexItems(key)))
  }

  public override func setItem(_ key: Value, _ value: Value) throws {
    try array.assign(try indexItems(key), try value.asNDArray(storingInto: array.dtype))
  }

  public override func binaryOperation(
    _ op: BinaryOperator, _ other: Value, reflected: Bool
  ) throws -> Value? {
    guard let operand = try? other.asOperand() else { return nil }
    let mine = Operand.array(array)
    if op == .matrixMultiply {
      let otherArray = try other.asNDArray()
      let product =
        reflected ? try NDArray.matmul(otherArray, array) : try NDArray.matmul(array, otherArray)
      return wrap(product)
    }
    guard let ufunc = op.arrayOp else { return nil }
    let result =
      reflected
      ? try NDArray.binary(ufunc, operand, mine) : try NDArray.binary(ufunc, mine, operand)
    return wrap(result)
  }

  public override func inPlaceOperation(_ op: BinaryOperator, _ other: Value) throws -> Value? {
    try updateInPlace(op, other)
  }

  public override var classObject: PyObject? { flavor == .ndarray ? Self.ndarrayClass : nil }

  /// `np.ndarray`: the class of arrays, which `type()` and `isinstance` use.
  public static let ndarrayClass = TypeObject(ndarrayType, module: "numpy") { arguments in
    let a = try arguments.bind("ndarray(shape, dtype=float)")
    return .object(
      NDArrayObject(
        try NDArray.full(try a.shape("shape"), value: 0, dtype: try a.dtype() ?? .float64)))
  }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard let operand = try? other.asOperand() else {
      // Like NumPy, `==` and `!=` against None or another object compare
      // element by element, each element being unequal to it.
      switch op {
      case .equal: return wrap(try NDArray.full(array.shape, value: 0, dtype: .bool))
      case .notEqual: return wrap(try NDArray.full(array.shape, value: 1, dtype: .bool))
      default: return nil
      }
    }
    return wrap(try NDArray.binary(op.arrayOp, .array(array), operand))
  }

  public override func unaryOperation(_ op: UnaryOperator) throws -> Value? {
    switch op {
    case .negate: return wrap(try array.unary(.negative))
    case .plus: return wrap(try array.copy())
    case .invert: return wrap(try array.unary(.invert))
    }
  }

  public override func format(_ spec: String) throws -> String {
    if spec.isEmpty { return try str() }
    guard array.count == 1 else {
      throw PyError.typeError("unsupported format string passed to numpy.ndarray.__format__")
    }
    return try NumPyScalar(array).format(spec)
  }
}

extension BinaryOperator {
  /// The array operation this operator performs, if it has one.
  var arrayOp: BinaryOp? {
    switch self {
    case .add: return .add
    case .subtract: return .subtract
    case .multiply: return .multiply
    case .trueDivide: return .trueDivide
    case .floorDivide: return .floorDivide
    case .modulo: return .remainder
    case .power: return .power
    case .bitAnd: return .bitwiseAnd
    case .bitOr: return .bitwiseOr
    case .bitXor: return .bitwiseXor
    default: return nil
    }
  }
}

extension ComparisonOperator {
  /// The element-wise comparison.
  var arrayOp: BinaryOp {
    switch self {
    case .less: return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    case .equal: return .equal
    case .notEqual: return .notEqual
    }
  }
}

extension Value {
  /// Wraps an array; 0-d ndarrays become NumPy scalars (`np.float64(0.5)`).
  public init(array: NDArray, flavor: NDArrayObject.Flavor = .ndarray) {
    if array.ndim == 0 && flavor == .ndarray {
      self = .object(NumPyScalar.make(array))
    } else {
      self = .object(NDArrayObject(array, flavor: flavor))
    }
  }

  /// The value as an array: arrays as they are, numbers and (nested)
  /// lists or tuples of numbers converted as `np.asarray` does.
  public func asNDArray(context: String = "argument") throws -> NDArray {
    if let object = object(as: NDArrayObject.self) { return object.array }
    if let scalar = object(as: NumPyScalar.self) { return scalar.array }
    return try ArrayLiteral(self, context: context).makeArray()
  }

  /// The value as an array to store into an array of `dtype`: Python
  /// numbers must fit it, as NumPy 2 requires (arrays cast unchecked).
  public func asNDArray(storingInto dtype: DType, context: String = "argument") throws
    -> NDArray
  {
    if let object = object(as: NDArrayObject.self) { return object.array }
    if let scalar = object(as: NumPyScalar.self) { return scalar.array }
    let literal = try ArrayLiteral(self, context: context)
    try literal.checkLeaves(storingInto: dtype)
    return try literal.makeArray()
  }

  /// The value as an operand of an array operation; Python scalars stay
  /// weakly typed.
  public func asOperand() throws -> Operand {
    switch self {
    case .int(let number): return .int(Int64(number))
    case .float(let number): return .float(number)
    case .bool(let flag): return .bool(flag)
    default: return .array(try asNDArray())
    }
  }
}

/// Converts nested lists, tuples and scalars to an array, inferring the
/// dtype as NumPy does (bool < int64 < float64, NumPy scalars keep theirs).
struct ArrayLiteral {
  private var shape: [Int] = []
  private var leaves: [Value] = []
  private var dtype: DType?
  private let context: String

  init(_ value: Value, context: String) throws {
    self.context = context
    var current = value
    while let items = try Self.items(current) {
      shape.append(items.count)
      guard let first = items.first, shape.count < 64 else { break }
      current = first
    }
    if let nested = Self.arrayValue(current) { shape += nested.shape }
    try collect(value, depth: 0)
  }

  private static func items(_ value: Value) throws -> [Value]? {
    if let range = value.object(as: PyRange.self) {
      // A huge range is a MemoryError before any of it is built.
      let count = try range.length()
      _ = try NDArray.elementCount([count], dtype: .int64)
      return (0..<count).map { .int(range.element(at: $0)) }
    }
    return value.object(as: PyList.self)?.items ?? value.object(as: PyTuple.self)?.items
  }

  private static func arrayValue(_ value: Value) -> NDArray? {
    value.object(as: NDArrayObject.self)?.array ?? value.object(as: NumPyScalar.self)?.array
  }

  private func inhomogeneous(_ depth: Int) -> PyError {
    PyError.valueError(
      "setting an array element with a sequence. The requested array has an"
        + " inhomogeneous shape after \(depth) dimensions. The detected shape was"
        + " \(formatShape(Array(shape.prefix(depth)))) + inhomogeneous part.")
  }

  private mutating func collect(_ value: Value, depth: Int) throws {
    if let items = try Self.items(value) {
      guard depth < shape.count, shape[depth] == items.count else { throw inhomogeneous(depth) }
      for item in items { try collect(item, depth: depth + 1) }
      return
    }
    if let nested = Self.arrayValue(value) {
      guard Array(shape.dropFirst(depth)) == nested.shape else { throw inhomogeneous(depth) }
      dtype = dtype.map { DType.promote($0, nested.dtype) } ?? nested.dtype
      let flat = try nested.flattened()
      for offset in 0..<flat.count {
        leaves.append(.object(NumPyScalar.make(try flat.subscripted([.index(offset)]))))
      }
      return
    }
    guard depth == shape.count else { throw inhomogeneous(depth) }
    let kind: DType
    switch value {
    case .bool: kind = .bool
    case .int: kind = .int64
    case .float: kind = .float64
    default:
      throw PyError.typeError(
        "\(context): could not convert '\(value.typeName)' to a numeric array")
    }
    dtype = dtype.map { DType.promote($0, kind) } ?? kind
    leaves.append(value)
  }

  /// Throws NumPy 2's errors for Python numbers that `dtype` cannot
  /// hold: an int out of its range, or NaN or infinity for integers.
  func checkLeaves(storingInto dtype: DType) throws {
    guard dtype.isInteger else { return }
    for leaf in leaves {
      switch leaf {
      case .int(let value): try dtype.checkPythonInteger(Int64(value))
      case .float(let value) where value.isNaN:
        throw PyError.valueError("cannot convert float NaN to integer")
      case .float(let value) where value.isInfinite:
        throw PyError(.overflowError, "cannot convert float infinity to integer")
      default: break
      }
    }
  }

  func makeArray() throws -> NDArray {
    let type = dtype ?? .float64
    switch type {
    case .bool:
      return try NDArray(try leaves.map { try $0.isTruthy() }, shape: shape)
    case .int64, .int32, .uint8:
      let values = try leaves.map { Int64(try $0.asInt()) }
      return try NDArray(values, shape: shape).converted(to: type)
    case .float32, .float64:
      let values = try leaves.map { try $0.asDouble() }
      return try NDArray(values, shape: shape).converted(to: type)
    }
  }
}
