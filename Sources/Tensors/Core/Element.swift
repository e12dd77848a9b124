/// A Swift scalar type that can be an array's element.
public protocol Element: Sendable {
  /// The dtype arrays of this element carry.
  static var dtype: DType { get }
  /// Converts from Double with NumPy's casting (truncation toward zero for
  /// integers, wrap-around for out-of-range integers, nonzero for bool).
  init(castingFrom value: Double)
  /// The value as a Double.
  var doubleValue: Double { get }
}

extension Float: Element {
  public static var dtype: DType { .float32 }
  public init(castingFrom value: Double) { self = Float(value) }
  public var doubleValue: Double { Double(self) }
}

extension Double: Element {
  public static var dtype: DType { .float64 }
  public init(castingFrom value: Double) { self = value }
  public var doubleValue: Double { self }
}

extension Int64: Element {
  public static var dtype: DType { .int64 }
  public init(castingFrom value: Double) {
    // NaN and out-of-range values have no defined result in NumPy either;
    // map them to Int64.min, as NumPy does on x86, instead of trapping.
    if value.isNaN || value >= 9.2233720368547758e18 || value < -9.2233720368547758e18 {
      self = Int64.min
    } else {
      self = Int64(value)
    }
  }
  public var doubleValue: Double { Double(self) }
}

extension Int32: Element {
  public static var dtype: DType { .int32 }
  public init(castingFrom value: Double) {
    // As on x86, NaN and values outside int32's range become Int32.min.
    if value.isNaN || value >= 2_147_483_648 || value <= -2_147_483_649 {
      self = Int32.min
    } else {
      self = Int32(value)
    }
  }
  public var doubleValue: Double { Double(self) }
}

extension UInt8: Element {
  public static var dtype: DType { .uint8 }
  public init(castingFrom value: Double) {
    self = UInt8(truncatingIfNeeded: Int64(castingFrom: value))
  }
  public var doubleValue: Double { Double(self) }
}

extension Bool: Element {
  public static var dtype: DType { .bool }
  public init(castingFrom value: Double) { self = value != 0 }
  public var doubleValue: Double { self ? 1 : 0 }
}
