/// An element-wise operation on two operands, as NumPy's binary ufuncs.
public enum BinaryOp: String, Sendable {
  case add, subtract, multiply
  case trueDivide = "true_divide"
  case floorDivide = "floor_divide"
  case remainder, power, maximum, minimum
  case bitwiseAnd = "bitwise_and"
  case bitwiseOr = "bitwise_or"
  case bitwiseXor = "bitwise_xor"
  case equal
  case notEqual = "not_equal"
  case less
  case lessEqual = "less_equal"
  case greater
  case greaterEqual = "greater_equal"

  /// Whether the result is a bool array.
  public var isComparison: Bool {
    switch self {
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return true
    default: return false
    }
  }
}

/// One side of a binary operation: an array, or a Python scalar, which
/// promotes weakly.
public enum Operand {
  case array(NDArray)
  case int(Int64)
  case float(Double)
  case bool(Bool)

  var scalarKind: ScalarKind? {
    switch self {
    case .array: return nil
    case .int: return .int
    case .float: return .float
    case .bool: return .bool
    }
  }

  var defaultDType: DType {
    switch self {
    case .array(let array): return array.dtype
    case .int: return .int64
    case .float: return .float64
    case .bool: return .bool
    }
  }

  /// Whether a Python int operand converts to `dtype` without wrapping.
  func fits(_ dtype: DType) -> Bool {
    guard case .int(let value) = self else { return true }
    return dtype.holds(pythonInteger: value)
  }

  /// Throws NumPy 2's OverflowError for a Python int `dtype` cannot hold.
  func checkFits(_ dtype: DType) throws {
    if case .int(let value) = self { try dtype.checkPythonInteger(value) }
  }

  func materialize(_ dtype: DType) throws -> NDArray {
    switch self {
    case .array(let array): return try array.converted(to: dtype)
    case .int(let value): return NDArray.scalar(Double(value), exactInt: value, dtype: dtype)
    case .float(let value): return NDArray.scalar(value, exactInt: nil, dtype: dtype)
    case .bool(let value): return NDArray.scalar(value ? 1 : 0, exactInt: nil, dtype: dtype)
    }
  }
}

extension NDArray {
  /// A 0-d array of `dtype` holding `value`.
  public static func scalar(_ value: Double, dtype: DType) -> NDArray {
    scalar(value, exactInt: nil, dtype: dtype)
  }

  static func scalar(_ value: Double, exactInt: Int64?, dtype: DType) -> NDArray {
    switch dtype {
    case .bool: return NDArray(scalar: value != 0)
    case .uint8: return NDArray(scalar: UInt8(castingFrom: value))
    case .int32:
      return NDArray(
        scalar: exactInt.map { Int32(truncatingIfNeeded: $0) } ?? Int32(castingFrom: value))
    case .int64: return NDArray(scalar: exactInt ?? Int64(castingFrom: value))
    case .float32: return NDArray(scalar: Float(value))
    case .float64: return NDArray(scalar: value)
    }
  }

  /// The dtype NumPy gives `lhs op rhs` before the op's own rules.
  static func promotedType(_ lhs: Operand, _ rhs: Operand) -> DType {
    switch (lhs.scalarKind, rhs.scalarKind) {
    case (nil, nil): return DType.promote(lhs.defaultDType, rhs.defaultDType)
    case (nil, let kind?): return lhs.defaultDType.promote(weak: kind)
    case (let kind?, nil): return rhs.defaultDType.promote(weak: kind)
    default: return DType.promote(lhs.defaultDType, rhs.defaultDType)
    }
  }

  /// `lhs op rhs` element-wise with broadcasting and NumPy's promotion.
  public static func binary(_ op: BinaryOp, _ lhs: Operand, _ rhs: Operand) throws -> NDArray {
    let promoted = promotedType(lhs, rhs)
    var compute = try computeType(op, promoted, lhs, rhs)
    if op.isComparison && !(lhs.fits(compute) && rhs.fits(compute)) {
      // NumPy 2 compares an out-of-range Python int by value.
      compute = .int64
    }
    try lhs.checkFits(compute)
    try rhs.checkFits(compute)
    let a = try lhs.materialize(compute)
    let b = try rhs.materialize(compute)
    let shape = try broadcastShape([a.shape, b.shape])
    if compute.isInteger && op == .power { try checkIntegerExponent(b) }
    switch compute {
    case .float32: return try floatBinary(op, a, b, shape, Float.self)
    case .float64: return try floatBinary(op, a, b, shape, Double.self)
    case .int64: return try integerBinary(op, a, b, shape, Int64.self)
    case .int32: return try integerBinary(op, a, b, shape, Int32.self)
    case .uint8: return try integerBinary(op, a, b, shape, UInt8.self)
    case .bool: return try boolBinary(op, a, b, shape)
    }
  }

  /// `a op b` for two arrays.
  public static func binary(_ op: BinaryOp, _ a: NDArray, _ b: NDArray) throws -> NDArray {
    try binary(op, .array(a), .array(b))
  }

  private static func computeType(
    _ op: BinaryOp, _ promoted: DType, _ lhs: Operand, _ rhs: Operand
  ) throws -> DType {
    switch op {
    case .trueDivide:
      return promoted.isFloatingPoint ? promoted : .float64
    case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
      guard !promoted.isFloatingPoint else {
        throw TensorError(
          .typeError,
          "ufunc '\(op.rawValue)' not supported for the input types, and the inputs"
            + " could not be safely coerced to any supported types according to"
            + " the casting rule ''safe''")
      }
      return promoted
    case .subtract where promoted == .bool:
      throw TensorError(
        .typeError,
        "numpy boolean subtract, the `-` operator, is not supported, use the"
          + " bitwise_xor, the `^` operator, or the logical_xor function instead.")
    case .floorDivide, .remainder, .power:
      return promoted == .bool ? .int64 : promoted
    default:
      return promoted
    }
  }

  private static func checkIntegerExponent(_ b: NDArray) throws {
    var negative = false
    b.forEachOffset { if b.double(atOffset: $0) < 0 { negative = true } }
    if negative {
      throw TensorError(.valueError, "Integers to negative integer powers are not allowed.")
    }
  }

  @inline(__always)
  private static func zip<T, R: Element>(
    _ a: NDArray, _ b: NDArray, _ shape: [Int], _ type: T.Type, _ f: (T, T) -> R
  ) throws -> NDArray {
    let out = try NDArray(uninitialized: shape, dtype: R.dtype)
    zipLoop(
      UnsafePointer(a.pointer(as: T.self)), a.broadcastStrides(to: shape),
      UnsafePointer(b.pointer(as: T.self)), b.broadcastStrides(to: shape),
      out.pointer(as: R.self), shape: shape, f)
    return withExtendedLifetime((a, b)) { out }
  }

  private static func compare<T: Comparable>(
    _ op: BinaryOp, _ a: NDArray, _ b: NDArray, _ shape: [Int], _ type: T.Type
  ) throws -> NDArray {
    switch op {
    case .equal: return try zip(a, b, shape, T.self) { $0 == $1 }
    case .notEqual: return try zip(a, b, shape, T.self) { $0 != $1 }
    case .less: return try zip(a, b, shape, T.self) { $0 < $1 }
    case .lessEqual: return try zip(a, b, shape, T.self) { $0 <= $1 }
    case .greater: return try zip(a, b, shape, T.self) { $0 > $1 }
    default: return try zip(a, b, shape, T.self) { $0 >= $1 }
    }
  }

  private static func floatBinary<T: FloatElement>(
    _ op: BinaryOp, _ a: NDArray, _ b: NDArray, _ shape: [Int], _ type: T.Type
  ) throws -> NDArray {
    if let fast = FloatArithmetic(op),
      let result = try FloatArithmetic.apply(fast, a, b, shape, T.self)
    {
      return result
    }
    switch op {
    case .add: return try zip(a, b, shape, T.self) { $0 + $1 }
    case .subtract: return try zip(a, b, shape, T.self) { $0 - $1 }
    case .multiply: return try zip(a, b, shape, T.self) { $0 * $1 }
    case .trueDivide: return try zip(a, b, shape, T.self) { $0 / $1 }
    case .floorDivide: return try zip(a, b, shape, T.self) { ($0 / $1).rounded(.down) }
    case .remainder: return try zip(a, b, shape, T.self) { T.remainderFloored($0, $1) }
    case .power: return try zip(a, b, shape, T.self) { T.power($0, $1) }
    case .maximum:
      return try zip(a, b, shape, T.self) { x, y in x.isNaN || y.isNaN ? .nan : max(x, y) }
    case .minimum:
      return try zip(a, b, shape, T.self) { x, y in x.isNaN || y.isNaN ? .nan : min(x, y) }
    case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
      throw TensorError(.typeError, "ufunc '\(op.rawValue)' not supported for floats")
    default: return try compare(op, a, b, shape, T.self)
    }
  }

  private static func integerBinary<T: IntegerElement>(
    _ op: BinaryOp, _ a: NDArray, _ b: NDArray, _ shape: [Int], _ type: T.Type
  ) throws -> NDArray {
    switch op {
    case .add: return try zip(a, b, shape, T.self) { $0 &+ $1 }
    case .subtract: return try zip(a, b, shape, T.self) { $0 &- $1 }
    case .multiply: return try zip(a, b, shape, T.self) { $0 &* $1 }
    case .floorDivide: return try zip(a, b, shape, T.self) { T.floorDivide($0, $1) }
    case .remainder: return try zip(a, b, shape, T.self) { T.floorModulo($0, $1) }
    case .power: return try zip(a, b, shape, T.self) { T.integerPower($0, $1) }
    case .maximum: return try zip(a, b, shape, T.self) { max($0, $1) }
    case .minimum: return try zip(a, b, shape, T.self) { min($0, $1) }
    case .bitwiseAnd: return try zip(a, b, shape, T.self) { $0 & $1 }
    case .bitwiseOr: return try zip(a, b, shape, T.self) { $0 | $1 }
    case .bitwiseXor: return try zip(a, b, shape, T.self) { $0 ^ $1 }
    case .trueDivide:
      return try zip(a, b, shape, T.self) { Double($0) / Double($1) }
    default: return try compare(op, a, b, shape, T.self)
    }
  }

  private static func boolBinary(
    _ op: BinaryOp, _ a: NDArray, _ b: NDArray, _ shape: [Int]
  ) throws -> NDArray {
    switch op {
    case .add, .bitwiseOr, .maximum: return try zip(a, b, shape, Bool.self) { $0 || $1 }
    case .multiply, .bitwiseAnd, .minimum:
      return try zip(a, b, shape, Bool.self) { $0 && $1 }
    case .bitwiseXor: return try zip(a, b, shape, Bool.self) { $0 != $1 }
    case .equal: return try zip(a, b, shape, Bool.self) { $0 == $1 }
    case .notEqual: return try zip(a, b, shape, Bool.self) { $0 != $1 }
    case .less: return try zip(a, b, shape, Bool.self) { !$0 && $1 }
    case .lessEqual: return try zip(a, b, shape, Bool.self) { !$0 || $1 }
    case .greater: return try zip(a, b, shape, Bool.self) { $0 && !$1 }
    case .greaterEqual: return try zip(a, b, shape, Bool.self) { $0 || !$1 }
    default:
      throw TensorError(.typeError, "ufunc '\(op.rawValue)' not supported for booleans")
    }
  }
}
