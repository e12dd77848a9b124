#if canImport(Glibc)
  import Glibc
#endif

/// The decimal digits of a finite float: value = 0.d1d2... is not used;
/// instead value = d1.d2d3... x 10^exponent, with no trailing zeros.
struct DecimalDigits {
  /// Whether the value is negative (or -0).
  var negative: Bool
  /// Significant digits, without trailing zeros; empty for zero.
  var digits: [UInt8]
  /// The power of ten of the first digit.
  var exponent: Int

  /// The shortest digits that read back to `value` in its own precision
  /// (float32 digits when `single`).
  init(shortest value: Double, single: Bool) {
    let text = single ? "\(Float(value))" : "\(value)"
    self.init(parsing: text)
  }

  /// The digits of `value` rounded to `places` digits after the point
  /// (`scientific`: after the first significant digit), correctly rounded
  /// from the exact binary value.
  init(value: Double, roundedTo places: Int, scientific: Bool) {
    let format = scientific ? "%.*e" : "%.*f"
    var buffer = [CChar](repeating: 0, count: 400)
    let written = withVaList([Int32(places), value]) { arguments in
      buffer.withUnsafeMutableBufferPointer { pointer in
        vsnprintf(pointer.baseAddress, pointer.count, format, arguments)
      }
    }
    let bytes = buffer.prefix(max(0, min(Int(written), buffer.count - 1))).map {
      UInt8(bitPattern: $0)
    }
    self.init(parsing: String(decoding: bytes, as: UTF8.self))
  }

  private init(parsing text: String) {
    var body = Substring(text)
    negative = body.hasPrefix("-")
    if negative || body.hasPrefix("+") { body = body.dropFirst() }
    var power = 0
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      power = Int(body[body.index(after: e)...]) ?? 0
      body = body[..<e]
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    let whole = parts.first.map(String.init) ?? ""
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    var all = Array((whole + fraction).utf8).map { $0 &- 48 }
    var exponent = whole.count - 1 + power
    while let first = all.first, first == 0 {
      all.removeFirst()
      exponent -= 1
    }
    while let last = all.last, last == 0 { all.removeLast() }
    digits = all
    self.exponent = all.isEmpty ? 0 : exponent
  }

  /// How many digits follow the decimal point in positional notation.
  var fractionLength: Int { max(0, digits.count - 1 - exponent) }

  /// The integer and fraction parts in positional notation (the integer
  /// part carries the sign).
  var positionalParts: (whole: String, fraction: String) {
    var whole = ""
    var fraction = ""
    if exponent >= 0 {
      for i in 0...exponent { whole.append(i < digits.count ? digit(i) : "0") }
      if digits.count > exponent + 1 {
        for i in (exponent + 1)..<digits.count { fraction.append(digit(i)) }
      }
    } else {
      whole = "0"
      fraction = String(repeating: "0", count: -exponent - 1)
      for i in digits.indices { fraction.append(digit(i)) }
    }
    return ((negative ? "-" : "") + whole, fraction)
  }

  /// The mantissa's first digit (with sign) and the digits after it.
  var scientificParts: (whole: String, fraction: String) {
    let first = digits.isEmpty ? "0" : String(digit(0))
    let rest = digits.dropFirst().map { Character(Unicode.Scalar($0 + 48)) }
    return ((negative ? "-" : "") + first, String(rest))
  }

  private func digit(_ i: Int) -> Character { Character(Unicode.Scalar(digits[i] + 48)) }
}

/// Formats a float scalar as NumPy's scalar repr does (Python's float
/// repr, with float32 digits for float32 values): `0.455775`, `34.0`,
/// `1e-05`, `inf`.
public func formatScalarFloat(_ value: Double, single: Bool) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  let decimal = DecimalDigits(shortest: value, single: single)
  let magnitude = abs(value)
  // NumPy switches float32 scalars to exponents from 1e6, float64 from 1e16.
  let upper = single ? 1e6 : 1e16
  if magnitude != 0 && (magnitude < 1e-4 || magnitude >= upper) {
    let (whole, fraction) = decimal.scientificParts
    let exponent = decimal.exponent
    let sign = exponent < 0 ? "-" : "+"
    let digits = String(abs(exponent))
    let padded = digits.count < 2 ? "0" + digits : digits
    return whole + (fraction.isEmpty ? "" : "." + fraction) + "e" + sign + padded
  }
  let (whole, fraction) = decimal.positionalParts
  return whole + "." + (fraction.isEmpty ? "0" : fraction)
}
