/// A colour as 8-bit red, green and blue channels.
public struct RGB: Hashable, Sendable {
  /// The red channel.
  public var red: UInt8
  /// The green channel.
  public var green: UInt8
  /// The blue channel.
  public var blue: UInt8

  /// Makes a colour from its channels.
  public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// Makes a colour from channels in 0...1, clamping values outside.
  public init(unit red: Double, _ green: Double, _ blue: Double) {
    self.init(RGB.byte(red), RGB.byte(green), RGB.byte(blue))
  }

  /// The perceived brightness in 0...1 (Rec. 601 weights).
  public var luminance: Double {
    (0.299 * Double(red) + 0.587 * Double(green) + 0.114 * Double(blue)) / 255
  }

  /// The colour moved a fraction `amount` of the way towards `other`.
  public func mixed(with other: RGB, _ amount: Double) -> RGB {
    func channel(_ a: UInt8, _ b: UInt8) -> Double {
      (Double(a) + (Double(b) - Double(a)) * amount) / 255
    }
    return RGB(
      unit: channel(red, other.red), channel(green, other.green),
      channel(blue, other.blue))
  }

  /// A channel in 0...1 as a byte, rounding and clamping; NaN is 0.
  static func byte(_ value: Double) -> UInt8 {
    guard value.isFinite else { return value == .infinity ? 255 : 0 }
    return UInt8(max(0, min(255, (value * 255).rounded())))
  }
}
