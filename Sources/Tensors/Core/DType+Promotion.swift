extension DType {
  /// The rank of the type in NumPy's promotion lattice among our dtypes.
  private var kindRank: Int {
    switch self {
    case .bool: return 0
    case .uint8, .int32, .int64: return 1
    case .float32, .float64: return 2
    }
  }

  /// The dtype NumPy gives an operation on arrays of `a` and `b`.
  public static func promote(_ a: DType, _ b: DType) -> DType {
    if a == b { return a }
    if a == .bool { return b }
    if b == .bool { return a }
    switch (a.kindRank, b.kindRank) {
    case (1, 1):
      return a.itemSize >= b.itemSize ? a : b
    case (2, 2):
      return .float64
    default:
      let float = a.isFloatingPoint ? a : b
      let integer = a.isFloatingPoint ? b : a
      // Small integers fit exactly in float32; wider ones need float64.
      if float == .float32 && integer == .uint8 { return .float32 }
      return .float64
    }
  }

  /// The dtype of an operation between an array of this type and a Python
  /// scalar, which is "weak" and adopts the array's type where it can.
  public func promote(weak scalar: ScalarKind) -> DType {
    switch scalar {
    case .bool: return self
    case .int: return self == .bool ? .int64 : self
    case .float: return isFloatingPoint ? self : .float64
    }
  }

  /// The NumPy type name of the scalar type (`float64`), as used in reprs.
  public var name: String { rawValue }
}

/// The kind of a Python scalar operand, for weak promotion.
public enum ScalarKind: Sendable {
  case bool
  case int
  case float
}
