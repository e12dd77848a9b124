#if canImport(Glibc)
  import Glibc
#endif

/// An element that supports arithmetic: every dtype except bool.
public protocol NumericElement: Element, Comparable {
  /// Zero of the type.
  static var zeroValue: Self { get }
  /// One of the type.
  static var oneValue: Self { get }
  /// `a + b`, wrapping for integers as NumPy does.
  static func plus(_ a: Self, _ b: Self) -> Self
  /// `a - b`, wrapping for integers.
  static func minus(_ a: Self, _ b: Self) -> Self
  /// `a * b`, wrapping for integers.
  static func times(_ a: Self, _ b: Self) -> Self
  /// Whether the value is NaN (always false for integers).
  var isNaNValue: Bool { get }
}

/// A floating-point element with the C library's elementary functions.
public protocol FloatElement: NumericElement, BinaryFloatingPoint {
  /// e raised to the value.
  static func exponential(_ x: Self) -> Self
  /// The natural logarithm.
  static func logarithm(_ x: Self) -> Self
  /// `log(1 + x)`, accurate near zero.
  static func logarithmOnePlus(_ x: Self) -> Self
  /// The hyperbolic tangent.
  static func hyperbolicTangent(_ x: Self) -> Self
  /// The sine.
  static func sine(_ x: Self) -> Self
  /// The cosine.
  static func cosine(_ x: Self) -> Self
  /// `x` raised to `y`.
  static func power(_ x: Self, _ y: Self) -> Self
  /// Python's floored remainder (`fmod` shifted to the divisor's sign).
  static func remainderFloored(_ x: Self, _ y: Self) -> Self
  /// The value rounded half to even at `decimals` places.
  static func roundHalfEven(_ x: Self) -> Self
}

/// A fixed-width integer element.
public protocol IntegerElement: NumericElement, FixedWidthInteger {}

extension Float: FloatElement {
  public static var zeroValue: Float { 0 }
  public static var oneValue: Float { 1 }
  @inline(__always) public static func plus(_ a: Float, _ b: Float) -> Float { a + b }
  @inline(__always) public static func minus(_ a: Float, _ b: Float) -> Float { a - b }
  @inline(__always) public static func times(_ a: Float, _ b: Float) -> Float { a * b }
  public var isNaNValue: Bool { isNaN }
  public static func exponential(_ x: Float) -> Float { expf(x) }
  public static func logarithm(_ x: Float) -> Float { logf(x) }
  public static func logarithmOnePlus(_ x: Float) -> Float { log1pf(x) }
  public static func hyperbolicTangent(_ x: Float) -> Float { tanhf(x) }
  public static func sine(_ x: Float) -> Float { sinf(x) }
  public static func cosine(_ x: Float) -> Float { cosf(x) }
  public static func power(_ x: Float, _ y: Float) -> Float { powf(x, y) }
  public static func remainderFloored(_ x: Float, _ y: Float) -> Float {
    let r = fmodf(x, y)
    return r != 0 && ((r < 0) != (y < 0)) ? r + y : r
  }
  public static func roundHalfEven(_ x: Float) -> Float { x.rounded(.toNearestOrEven) }
}

extension Double: FloatElement {
  public static var zeroValue: Double { 0 }
  public static var oneValue: Double { 1 }
  @inline(__always) public static func plus(_ a: Double, _ b: Double) -> Double { a + b }
  @inline(__always) public static func minus(_ a: Double, _ b: Double) -> Double { a - b }
  @inline(__always) public static func times(_ a: Double, _ b: Double) -> Double { a * b }
  public var isNaNValue: Bool { isNaN }
  public static func exponential(_ x: Double) -> Double { exp(x) }
  public static func logarithm(_ x: Double) -> Double { log(x) }
  public static func logarithmOnePlus(_ x: Double) -> Double { log1p(x) }
  public static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
  public static func sine(_ x: Double) -> Double { sin(x) }
  public static func cosine(_ x: Double) -> Double { cos(x) }
  public static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
  public static func remainderFloored(_ x: Double, _ y: Double) -> Double {
    let r = fmod(x, y)
    return r != 0 && ((r < 0) != (y < 0)) ? r + y : r
  }
  public static func roundHalfEven(_ x: Double) -> Double { x.rounded(.toNearestOrEven) }
}

extension Int64: IntegerElement {
  public static var zeroValue: Int64 { 0 }
  public static var oneValue: Int64 { 1 }
  @inline(__always) public static func plus(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
  @inline(__always) public static func minus(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
  @inline(__always) public static func times(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
  public var isNaNValue: Bool { false }
}

extension Int32: IntegerElement {
  public static var zeroValue: Int32 { 0 }
  public static var oneValue: Int32 { 1 }
  @inline(__always) public static func plus(_ a: Int32, _ b: Int32) -> Int32 { a &+ b }
  @inline(__always) public static func minus(_ a: Int32, _ b: Int32) -> Int32 { a &- b }
  @inline(__always) public static func times(_ a: Int32, _ b: Int32) -> Int32 { a &* b }
  public var isNaNValue: Bool { false }
}

extension UInt8: IntegerElement {
  public static var zeroValue: UInt8 { 0 }
  public static var oneValue: UInt8 { 1 }
  @inline(__always) public static func plus(_ a: UInt8, _ b: UInt8) -> UInt8 { a &+ b }
  @inline(__always) public static func minus(_ a: UInt8, _ b: UInt8) -> UInt8 { a &- b }
  @inline(__always) public static func times(_ a: UInt8, _ b: UInt8) -> UInt8 { a &* b }
  public var isNaNValue: Bool { false }
}

extension IntegerElement {
  /// Python's floor division; division by zero gives 0 as NumPy does.
  @inline(__always)
  static func floorDivide(_ a: Self, _ b: Self) -> Self {
    if b == 0 { return 0 }
    let (q, overflow) = a.dividedReportingOverflow(by: b)
    if overflow { return q }
    let r = a &- q &* b
    return (r != 0 && ((r < 0) != (b < 0))) ? q &- 1 : q
  }

  /// Python's floored modulo; modulo by zero gives 0 as NumPy does.
  @inline(__always)
  static func floorModulo(_ a: Self, _ b: Self) -> Self {
    if b == 0 { return 0 }
    let (r, overflow) = a.remainderReportingOverflow(dividingBy: b)
    if overflow { return 0 }
    return (r != 0 && ((r < 0) != (b < 0))) ? r &+ b : r
  }

  /// `a ** b` by repeated squaring, wrapping on overflow.
  @inline(__always)
  static func integerPower(_ a: Self, _ b: Self) -> Self {
    var result: Self = 1
    var base = a
    var exponent = b
    while exponent > 0 {
      if exponent & 1 == 1 { result = result &* base }
      base = base &* base
      exponent >>= 1
    }
    return result
  }
}
