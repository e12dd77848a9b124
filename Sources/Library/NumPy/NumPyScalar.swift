import Language
import Tensors

/// A NumPy scalar such as `np.float64(0.455775)`: the element of a 0-d
/// result, usable wherever Python numbers are.
public class NumPyScalar: PyObject, FloatConvertible {
  /// The value as a 0-d array.
  public let array: NDArray

  /// Wraps a 0-d array (other shapes are reshaped to 0-d when they hold
  /// one element).
  public init(_ array: NDArray) {
    self.array = (try? array.reshaped([])) ?? array
  }

  /// The scalar for a 0-d array: integer and bool dtypes also stand for
  /// Python ints.
  public static func make(_ array: NDArray) -> NumPyScalar {
    array.dtype.isFloatingPoint ? NumPyScalar(array) : NumPyIntegerScalar(array)
  }

  /// The scalar's dtype.
  public var dtype: DType { array.dtype }

  /// The value as a Double.
  public var doubleValue: Double { array.double(atOffset: array.offset) }

  public override var type: PyType { Self.types[dtype] ?? PyType.object }

  public override var classObject: PyObject? { DTypeObject.scalarType(dtype) }

  private static let types: [DType: PyType] = Dictionary(
    uniqueKeysWithValues: DType.allCases.map { dtype in
      (
        dtype,
        PyType(dtype == .bool ? "bool" : dtype.rawValue) { t in
          t.property("dtype") { (s: NumPyScalar) in
            .object(DTypeObject(s.dtype, isScalarType: false))
          }
          t.property("shape") { (_: NumPyScalar) in .tuple([]) }
          t.property("ndim") { (_: NumPyScalar) in .int(0) }
          t.property("size") { (_: NumPyScalar) in .int(1) }
          t.method("item") { (s: NumPyScalar, _) in s.pythonValue }
          t.method("astype") { (s: NumPyScalar, args) in
            let a = try args.bind("astype(dtype)")
            return Value(array: try s.array.astype(try parseDType(a["dtype"] ?? .none)))
          }
          t.method("round") { (s: NumPyScalar, args) in
            let a = try args.bind("round(decimals=0)")
            return Value(array: try s.array.rounded(decimals: try a.int("decimals", default: 0)))
          }
          t.method("tolist") { (s: NumPyScalar, _) in s.pythonValue }
          t.method("sum") { (s: NumPyScalar, _) in .object(s) }
        }
      )
    })

  /// The equivalent Python value (`float`, `int` or `bool`).
  public var pythonValue: Value {
    switch dtype {
    case .bool: return .bool(doubleValue != 0)
    case .float32, .float64: return .float(doubleValue)
    case .int64:
      return .int(Int(array.storage.bytes.load(fromByteOffset: array.offset * 8, as: Int64.self)))
    default: return .int(Int(doubleValue))
    }
  }

  public func floatValue() throws -> Double { doubleValue }

  public override func repr() throws -> String {
    switch dtype {
    case .bool: return doubleValue != 0 ? "np.True_" : "np.False_"
    default: return "np.\(dtype.rawValue)(\(array.scalarText()))"
    }
  }

  public override func str() throws -> String { array.scalarText() }

  public override func format(_ spec: String) throws -> String {
    if spec.isEmpty { return try str() }
    let format = try NumberFormat(spec)
    if case .int(let value) = pythonValue { return try format.format(value) }
    return try format.format(doubleValue)
  }

  public override func isTruthy() throws -> Bool { doubleValue != 0 }

  public override func hashKey() throws -> AnyHashable? { try pythonValue.hashKey() }

  public override func numericHash() throws -> Int? { try pythonValue.numericHash() }

  public override func binaryOperation(
    _ op: BinaryOperator, _ other: Value, reflected: Bool
  ) throws -> Value? {
    if case .object(let object) = other, object is NDArrayObject { return nil }
    return try NDArrayObject(array).binaryOperation(op, other, reflected: reflected)
  }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    if case .object(let object) = other, object is NDArrayObject {
      return try object.compare(op.swapped, .object(self))
    }
    return try NDArrayObject(array).compare(op, other)
  }

  public override func unaryOperation(_ op: UnaryOperator) throws -> Value? {
    try NDArrayObject(array).unaryOperation(op)
  }
}

/// A NumPy integer or bool scalar, which also works where Python ints do
/// (indices, `range`, `int()`).
public final class NumPyIntegerScalar: NumPyScalar, IntegerConvertible {
  public func integerValue() throws -> Int {
    guard !dtype.isFloatingPoint, case .int(let value) = pythonValue else {
      if dtype == .bool { return doubleValue != 0 ? 1 : 0 }
      throw PyError.typeError(
        "'numpy.\(dtype.rawValue)' object cannot be interpreted as an integer")
    }
    return value
  }
}

extension ComparisonOperator {
  /// The operator with its operands exchanged (`a < b` is `b > a`).
  var swapped: ComparisonOperator {
    switch self {
    case .less: return .greater
    case .lessEqual: return .greaterEqual
    case .greater: return .less
    case .greaterEqual: return .lessEqual
    default: return self
    }
  }
}

/// Makes the NumPy scalar of `dtype` holding `value` (`np.float32(34.0)`).
public func makeNumPyScalar(_ value: Double, dtype: DType) -> Value {
  .object(NumPyScalar.make(NDArray.scalar(value, dtype: dtype)))
}
