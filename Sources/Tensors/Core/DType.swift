/// The element types an array can hold, named as NumPy names them.
public enum DType: String, CaseIterable, Sendable {
  case bool
  case uint8
  case int32
  case int64
  case float32
  case float64

  /// Bytes one element occupies.
  public var itemSize: Int {
    switch self {
    case .bool, .uint8: return 1
    case .int32, .float32: return 4
    case .int64, .float64: return 8
    }
  }

  /// Whether the type is a floating-point type.
  public var isFloatingPoint: Bool { self == .float32 || self == .float64 }

  /// Whether the type is a signed or unsigned integer type (bool excluded).
  public var isInteger: Bool {
    self == .uint8 || self == .int32 || self == .int64
  }

  /// Whether a Python integer fits this integer type without wrapping
  /// (always true for bool and float types, which convert by value).
  public func holds(pythonInteger value: Int64) -> Bool {
    switch self {
    case .uint8: return value >= 0 && value <= 255
    case .int32: return value >= Int64(Int32.min) && value <= Int64(Int32.max)
    default: return true
    }
  }

  /// Throws NumPy 2's OverflowError when a Python integer does not fit.
  public func checkPythonInteger(_ value: Int64) throws {
    guard holds(pythonInteger: value) else {
      throw TensorError(.overflowError, "Python integer \(value) out of bounds for \(rawValue)")
    }
  }
}
