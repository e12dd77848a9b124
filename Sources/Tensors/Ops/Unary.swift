/// An element-wise function of one operand, as NumPy's unary ufuncs.
public enum UnaryOp: String, Sendable {
  case negative, absolute, sign, exp, log, log1p, sqrt, tanh, sin, cos
  case square, floor, ceil, invert
  case isnan, isfinite, isinf

  /// Whether the op works in floating point, turning ints into float64.
  var needsFloat: Bool {
    switch self {
    case .exp, .log, .log1p, .sqrt, .tanh, .sin, .cos: return true
    default: return false
    }
  }
}

extension NDArray {
  /// `op(self)` element-wise.
  public func unary(_ op: UnaryOp) throws -> NDArray {
    switch op {
    case .isnan, .isfinite, .isinf: return try classify(op)
    default: break
    }
    if op.needsFloat && !dtype.isFloatingPoint {
      return try astype(.float64).unary(op)
    }
    switch dtype {
    case .float32: return try floatUnary(op, Float.self)
    case .float64: return try floatUnary(op, Double.self)
    case .int64: return try integerUnary(op, Int64.self)
    case .int32: return try integerUnary(op, Int32.self)
    case .uint8: return try integerUnary(op, UInt8.self)
    case .bool: return try boolUnary(op)
    }
  }

  /// Maps every element through `f` into a new contiguous array.
  func map<T, R: Element>(_ type: T.Type, _ f: (T) -> R) throws -> NDArray {
    let out = try NDArray(uninitialized: shape, dtype: R.dtype)
    mapLoop(UnsafePointer(pointer(as: T.self)), strides, out.pointer(as: R.self), shape: shape, f)
    return out
  }

  private func floatUnary<T: FloatElement>(_ op: UnaryOp, _ type: T.Type) throws -> NDArray {
    switch op {
    case .negative: return try map(T.self) { -$0 }
    case .absolute: return try map(T.self) { abs($0) }
    case .sign:
      return try map(T.self) { x -> T in x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0)) }
    case .exp: return try map(T.self) { T.exponential($0) }
    case .log: return try map(T.self) { T.logarithm($0) }
    case .log1p: return try map(T.self) { T.logarithmOnePlus($0) }
    case .sqrt: return try map(T.self) { $0.squareRoot() }
    case .tanh: return try map(T.self) { T.hyperbolicTangent($0) }
    case .sin: return try map(T.self) { T.sine($0) }
    case .cos: return try map(T.self) { T.cosine($0) }
    case .square: return try map(T.self) { $0 * $0 }
    case .floor: return try map(T.self) { $0.rounded(.down) }
    case .ceil: return try map(T.self) { $0.rounded(.up) }
    default:
      throw TensorError(
        .typeError,
        "ufunc '\(op.rawValue)' not supported for the input types, and the inputs"
          + " could not be safely coerced to any supported types according to the"
          + " casting rule ''safe''")
    }
  }

  private func integerUnary<T: IntegerElement>(_ op: UnaryOp, _ type: T.Type) throws -> NDArray {
    switch op {
    case .negative: return try map(T.self) { 0 &- $0 }
    case .absolute: return try map(T.self) { $0 < 0 ? 0 &- $0 : $0 }
    case .sign: return try map(T.self) { x -> T in x > 0 ? 1 : (x < 0 ? 0 &- 1 : 0) }
    case .square: return try map(T.self) { $0 &* $0 }
    case .floor, .ceil: return try copy()
    case .invert: return try map(T.self) { ~$0 }
    default: return try astype(.float64).unary(op)
    }
  }

  private func boolUnary(_ op: UnaryOp) throws -> NDArray {
    switch op {
    case .invert: return try map(Bool.self) { !$0 }
    case .absolute: return try copy()
    case .negative:
      throw TensorError(
        .typeError,
        "The numpy boolean negative, the `-` operator, is not supported, use the"
          + " `~` operator or the logical_not function instead.")
    default: return try astype(.int64).unary(op)
    }
  }

  private func classify(_ op: UnaryOp) throws -> NDArray {
    switch dtype {
    case .float32:
      switch op {
      case .isnan: return try map(Float.self) { $0.isNaN }
      case .isinf: return try map(Float.self) { $0.isInfinite }
      default: return try map(Float.self) { $0.isFinite }
      }
    case .float64:
      switch op {
      case .isnan: return try map(Double.self) { $0.isNaN }
      case .isinf: return try map(Double.self) { $0.isInfinite }
      default: return try map(Double.self) { $0.isFinite }
      }
    default:
      let answer = op == .isfinite
      let out = try NDArray(zeros: shape, dtype: .bool)
      if answer { out.storage.bytes.initializeMemory(as: UInt8.self, repeating: 1, count: count) }
      return out
    }
  }

  /// Rounds half to even at `decimals` places, as `np.round`.
  public func rounded(decimals: Int = 0) throws -> NDArray {
    // NumPy takes the places as a C int.
    guard decimals >= Int(Int32.min) else {
      throw TensorError(.overflowError, "signed integer is less than minimum")
    }
    guard decimals <= Int(Int32.max) else {
      throw TensorError(.overflowError, "signed integer is greater than maximum")
    }
    guard dtype.isFloatingPoint else {
      if decimals >= 0 { return try copy() }
      let scale = Double(pow10(-decimals))
      return try NDArray.binary(
        .multiply,
        .array(
          NDArray.binary(
            .trueDivide, .array(self), .float(scale)
          ).rounded()), .float(scale)
      ).astype(dtype)
    }
    let factor = pow10(decimals)
    switch dtype {
    case .float32:
      let f = Float(factor)
      return try map(Float.self) {
        decimals == 0 ? $0.rounded(.toNearestOrEven) : ($0 * f).rounded(.toNearestOrEven) / f
      }
    default:
      return try map(Double.self) {
        decimals == 0
          ? $0.rounded(.toNearestOrEven)
          : ($0 * factor).rounded(.toNearestOrEven) / factor
      }
    }
  }

  private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<min(abs(n), 400) { result *= 10 }
    return n >= 0 ? result : 1 / result
  }

  /// Limits every element to `[low, high]` (either may be nil).
  public func clip(_ low: Operand?, _ high: Operand?) throws -> NDArray {
    var result = self
    if let low { result = try NDArray.binary(.maximum, .array(result), low) }
    if let high { result = try NDArray.binary(.minimum, .array(result), high) }
    if low == nil && high == nil {
      throw TensorError(.valueError, "One of max or min must be given")
    }
    return result
  }

  /// `np.where(condition, x, y)`: elements of `x` where the condition holds,
  /// else of `y`, all broadcast together.
  public static func select(_ condition: NDArray, _ x: Operand, _ y: Operand) throws -> NDArray {
    let dtype = promotedType(x, y)
    let a = try x.materialize(dtype)
    let b = try y.materialize(dtype)
    let mask = try condition.converted(to: .bool)
    let shape = try broadcastShape([mask.shape, a.shape, b.shape])
    let m = try mask.broadcast(to: shape).contiguousArray()
    let out = try b.broadcast(to: shape).copy()
    let source = try a.broadcast(to: shape).contiguousArray()
    let flags = m.pointer(as: Bool.self)
    let size = dtype.itemSize
    let from = source.storage.bytes + source.offset * size
    let to = out.storage.bytes
    for i in 0..<out.count where flags[i] {
      (to + i * size).copyMemory(from: from + i * size, byteCount: size)
    }
    return withExtendedLifetime((m, source)) { out }
  }
}
