#if canImport(Glibc)
  import Glibc
#endif

/// Round-numbered tick positions along an axis (steps of 1, 2 or 5 times
/// a power of ten) and their labels with a common number of decimals.
struct Ticks {
  /// The tick values inside the range, ascending.
  let values: [Double]
  /// Digits after the decimal point in every label.
  let decimals: Int
  /// Names shown instead of the numbers, one per value.
  private var names: [String]?

  /// Ticks at given values with given labels, such as a bar chart's
  /// category names.
  init(labelled ticks: [(value: Double, label: String)]) {
    values = ticks.map(\.value)
    names = ticks.map(\.label)
    decimals = 0
  }

  /// Picks about `count` ticks inside `range`.
  init(_ range: ClosedRange<Double>, count: Int) {
    let span = range.upperBound - range.lowerBound
    guard span > 0, span.isFinite else {
      values = [range.lowerBound]
      decimals = Ticks.decimals(forStep: abs(range.lowerBound) / 10)
      return
    }
    let raw = span / Double(max(1, count))
    let magnitude = pow(10, floor(log10(raw)))
    let residual = raw / magnitude
    let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
    let step = factor * magnitude

    let first = (range.lowerBound / step).rounded(.up)
    let last = (range.upperBound / step + 1e-9).rounded(.down)
    var values: [Double] = []
    // Far from zero relative to their span, tick indices would not fit an
    // Int; such an axis keeps just its ends.
    if last >= first && last - first < 100 && abs(first) < 1e15 && abs(last) < 1e15 {
      for k in Int(first)...Int(last) { values.append(Double(k) * step) }
    }
    self.values = values.isEmpty ? [range.lowerBound, range.upperBound] : values
    decimals = Ticks.decimals(forStep: values.isEmpty ? span : step)
  }

  /// The label of a tick value.
  func label(_ value: Double) -> String {
    if let names, let index = values.firstIndex(of: value), index < names.count {
      return names[index]
    }
    return Ticks.format(value, decimals: decimals)
  }

  /// The decimals that show a step exactly: 0.5 needs 1, 20 needs 0.
  static func decimals(forStep step: Double) -> Int {
    guard step > 0, step.isFinite else { return 1 }
    return max(0, min(8, Int(-floor(log10(step) + 1e-9))))
  }

  /// A number with a fixed count of decimals, without a sign for zero.
  static func format(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : value < 0 ? "-inf" : "inf" }
    let scaled = (abs(value) * pow(10, Double(decimals))).rounded()
    guard scaled < 1e15 else { return "\(value)" }
    var digits = String(Int(scaled))
    if decimals > 0 {
      while digits.count <= decimals { digits = "0" + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return (value < 0 && scaled != 0 ? "-" : "") + digits
  }
}
