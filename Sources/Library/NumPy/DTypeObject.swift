import Language
import Tensors

/// A NumPy scalar type (`np.float32`, callable to make scalars and usable
/// as a `dtype` argument) or a dtype instance (`x.dtype`).
public final class DTypeObject: PyObject {
  /// The element type.
  public let dtype: DType
  /// Whether this is the scalar type `np.float32` rather than
  /// `dtype('float32')`.
  public let isScalarType: Bool

  /// Makes the scalar type or dtype object for `dtype`.
  public init(_ dtype: DType, isScalarType: Bool) {
    self.dtype = dtype
    self.isScalarType = isScalarType
  }

  public override var type: PyType { isScalarType ? Self.classType : Self.dtypeType }

  /// The scalar type `np.<dtype>`, one shared object per dtype so that
  /// `type(x) is np.float32` holds.
  public static func scalarType(_ dtype: DType) -> DTypeObject {
    scalarTypes[dtype] ?? DTypeObject(dtype, isScalarType: true)
  }

  private static let scalarTypes: [DType: DTypeObject] = Dictionary(
    uniqueKeysWithValues: DType.allCases.map { ($0, DTypeObject($0, isScalarType: true)) })

  public override func instanceCheck(_ value: Value) -> Bool? {
    guard isScalarType else { return nil }
    return value.object(as: NumPyScalar.self)?.dtype == dtype
  }

  private static let classType = PyType("type") { t in
    t.property("__name__") { (d: DTypeObject) in .string(d.dtype.rawValue) }
  }
  private static let dtypeType = PyType("dtype") { t in
    t.property("name") { (d: DTypeObject) in .string(d.dtype.rawValue) }
    t.property("itemsize") { (d: DTypeObject) in .int(d.dtype.itemSize) }
    t.property("kind") { (d: DTypeObject) in
      switch d.dtype {
      case .bool: return .string("b")
      case .uint8: return .string("u")
      case .int32, .int64: return .string("i")
      case .float32, .float64: return .string("f")
      }
    }
    t.property("type") { (d: DTypeObject) in .object(DTypeObject(d.dtype, isScalarType: true)) }
  }

  public override func repr() throws -> String {
    isScalarType
      ? "<class 'numpy.\(dtype.rawValue == "bool" ? "bool" : dtype.rawValue)'>"
      : "dtype('\(dtype.rawValue)')"
  }

  public override func str() throws -> String {
    isScalarType ? try repr() : dtype.rawValue
  }

  public override func call(_ arguments: Arguments) throws -> Value {
    guard isScalarType else { throw PyError.typeError("'numpy.dtype' object is not callable") }
    let value = arguments.positional.first ?? .int(0)
    let converted = try value.asNDArray().astype(dtype)
    return Value(array: converted)
  }

  public override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard op == .equal || op == .notEqual else { return nil }
    // `np.float64 == float` is false: a scalar class is not Python's own.
    let pythonClass = isScalarType && other.object(as: TypeObject.self) != nil
    let same = !pythonClass && (try? parseDType(other)) == dtype
    return .bool(op == .equal ? same : !same)
  }

  public override func hashKey() throws -> AnyHashable? { AnyHashable("dtype:" + dtype.rawValue) }
}

/// Reads a `dtype` argument: `np.float32`, `x.dtype`, `'float32'`, or the
/// Python types `float`, `int`, `bool`.
public func parseDType(_ value: Value) throws -> DType {
  if let object = value.object(as: DTypeObject.self) { return object.dtype }
  if case .string(let name) = value {
    switch name {
    case "float", "f8", "double": return .float64
    case "f4", "single": return .float32
    case "int", "i8": return .int64
    case "i4": return .int32
    case "u1": return .uint8
    default:
      if let dtype = DType(rawValue: name) { return dtype }
    }
    throw PyError.typeError("data type '\(name)' not understood")
  }
  if case .none = value { return .float64 }
  if case .object = value, let text = try? value.repr() {
    switch text {
    case "<class 'float'>": return .float64
    case "<class 'int'>": return .int64
    case "<class 'bool'>": return .bool
    default: break
    }
  }
  throw PyError.typeError(
    "Cannot interpret '\((try? value.repr()) ?? value.typeName)' as a data type")
}
