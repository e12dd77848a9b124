/// How every element of one array is written, chosen from the elements
/// that will be shown, as NumPy's printer chooses (common alignment).
struct ElementFormat {
  private enum Style {
    case bool
    case integer(width: Int)
    case positional(padLeft: Int, padRight: Int)
    case scientific(padLeft: Int, padRight: Int, precision: Int, exponentSize: Int)
  }

  private let style: Style
  private let single: Bool
  private let precision: Int

  private init(style: Style, single: Bool, precision: Int) {
    self.style = style
    self.single = single
    self.precision = precision
  }

  /// Chooses the format for the elements of `array` at `offsets`; integers
  /// are read as integers so no digit is lost to a Double.
  init(array: NDArray, offsets: [Int], precision: Int = 8, suppress: Bool = false) {
    guard array.dtype.isInteger else {
      self.init(
        values: offsets.map { array.double(atOffset: $0) }, dtype: array.dtype,
        precision: precision, suppress: suppress)
      return
    }
    let widths = offsets.map { String(array.integer(atOffset: $0)).count }
    self.init(
      style: .integer(width: widths.max() ?? 0), single: false, precision: precision)
  }

  /// Chooses the format for `values` of `dtype`; `suppress` keeps small
  /// numbers positional, as NumPy's `suppress=True` does.
  init(values: [Double], dtype: DType, precision: Int = 8, suppress: Bool = false) {
    self.single = dtype == .float32
    self.precision = precision
    switch dtype {
    case .bool:
      style = .bool
    case .uint8, .int32, .int64:
      let widths = values.map { String(Int64(castingFrom: $0)).count }
      style = .integer(width: widths.max() ?? 0)
    case .float32, .float64:
      style = ElementFormat.floatStyle(
        values, single: dtype == .float32, precision: precision, suppress: suppress)
    }
  }

  private static func floatStyle(
    _ values: [Double], single: Bool, precision: Int, suppress: Bool
  ) -> Style {
    let finite = values.filter { $0.isFinite }
    let nonZero = finite.map { abs($0) }.filter { $0 != 0 }
    var scientific = false
    if let high = nonZero.max(), let low = nonZero.min() {
      // Suppressing small numbers still leaves huge ones in exponents, since
      // their digits would not fit a line. The cutoff follows the dtype's
      // decimal precision: 1e6 for float32, 1e8 for float64.
      let spread = low < 0.0001 || high / low > 1000
      scientific = high >= (single ? 1e6 : 1e8) || (!suppress && spread)
    }
    var padLeft = 0
    var padRight = 0
    var result: Style
    if scientific {
      var fraction = 0
      var exponentSize = 2
      for value in finite {
        let digits = scientificDigits(value, single: single, precision: precision)
        let (whole, frac) = digits.scientificParts
        padLeft = max(padLeft, whole.count)
        fraction = max(fraction, frac.count)
        exponentSize = max(exponentSize, String(abs(digits.exponent)).count)
      }
      padRight = exponentSize + 2 + fraction
      result = .scientific(
        padLeft: padLeft, padRight: padRight, precision: fraction, exponentSize: exponentSize)
    } else {
      for value in finite {
        let (whole, frac) = positionalDigits(value, single: single, precision: precision)
          .positionalParts
        padLeft = max(padLeft, whole.count)
        padRight = max(padRight, frac.count)
      }
      result = .positional(padLeft: padLeft, padRight: padRight)
    }
    if finite.count != values.count {
      let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 } ? 1 : 0
      let offset = padRight + 1
      padLeft = max(padLeft, 3 - offset, 3 + negativeInfinity - offset)
      switch result {
      case .scientific(_, let right, let p, let e):
        result = .scientific(padLeft: padLeft, padRight: right, precision: p, exponentSize: e)
      default:
        result = .positional(padLeft: padLeft, padRight: padRight)
      }
    }
    return result
  }

  static func positionalDigits(_ value: Double, single: Bool, precision: Int) -> DecimalDigits {
    let shortest = DecimalDigits(shortest: value, single: single)
    if shortest.fractionLength <= precision { return shortest }
    return DecimalDigits(value: value, roundedTo: precision, scientific: false)
  }

  static func scientificDigits(_ value: Double, single: Bool, precision: Int) -> DecimalDigits {
    let shortest = DecimalDigits(shortest: value, single: single)
    if shortest.digits.count - 1 <= precision { return shortest }
    return DecimalDigits(value: value, roundedTo: precision, scientific: true)
  }

  /// The text of the element of `array` at storage offset `position`.
  func format(_ array: NDArray, atOffset position: Int) -> String {
    if case .integer(let width) = style, array.dtype.isInteger {
      return padLeft(String(array.integer(atOffset: position)), width)
    }
    return format(array.double(atOffset: position))
  }

  /// The text of one element.
  func format(_ value: Double) -> String {
    switch style {
    case .bool:
      return value != 0 ? " True" : "False"
    case .integer(let width):
      return padLeft(String(Int64(castingFrom: value)), width)
    case .positional(let left, let right):
      if !value.isFinite { return nonFinite(value, left + right + 1) }
      let (whole, fraction) = ElementFormat.positionalDigits(
        value, single: single, precision: precision
      ).positionalParts
      return padLeft(whole, left) + "." + fraction
        + String(repeating: " ", count: max(0, right - fraction.count))
    case .scientific(let left, let right, let digits, let exponentSize):
      if !value.isFinite { return nonFinite(value, left + right + 1) }
      let decimal = ElementFormat.scientificDigits(value, single: single, precision: precision)
      let (whole, fraction) = decimal.scientificParts
      let exponent = String(abs(decimal.exponent))
      return padLeft(whole, left) + "." + fraction
        + String(repeating: "0", count: max(0, digits - fraction.count))
        + "e" + (decimal.exponent < 0 ? "-" : "+")
        + String(repeating: "0", count: max(0, exponentSize - exponent.count)) + exponent
    }
  }

  private func nonFinite(_ value: Double, _ width: Int) -> String {
    let text = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    return padLeft(text, width)
  }

  private func padLeft(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
