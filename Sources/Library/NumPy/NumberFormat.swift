import Language

#if canImport(Glibc)
  import Glibc
#endif

/// Python's format-spec mini-language for numbers, as f-strings use it on
/// NumPy scalars: `{x:.3f}`, `{x:>8.2e}`, `{n:,}`, `{p:.1%}`.
struct NumberFormat {
  var fill: Character = " "
  var align: Character?
  var sign: Character = "-"
  var zeroPad = false
  var width = 0
  var grouping: Character?
  var precision: Int?
  var kind: Character?

  init(_ spec: String) throws {
    var chars = Array(spec)
    var i = 0
    if chars.count >= 2, "<>=^".contains(chars[1]) {
      fill = chars[0]
      align = chars[1]
      i = 2
    } else if let first = chars.first, "<>=^".contains(first) {
      align = first
      i = 1
    }
    if i < chars.count, "+- ".contains(chars[i]) {
      sign = chars[i]
      i += 1
    }
    if i < chars.count, chars[i] == "0" {
      zeroPad = true
      i += 1
    }
    var digits = ""
    while i < chars.count, chars[i].isNumber {
      digits.append(chars[i])
      i += 1
    }
    width = Int(digits) ?? 0
    if i < chars.count, chars[i] == "," || chars[i] == "_" {
      grouping = chars[i]
      i += 1
    }
    if i < chars.count, chars[i] == "." {
      i += 1
      var places = ""
      while i < chars.count, chars[i].isNumber {
        places.append(chars[i])
        i += 1
      }
      guard let value = Int(places) else {
        throw PyError.valueError("Format specifier missing precision")
      }
      precision = value
    }
    if i < chars.count {
      kind = chars[i]
      i += 1
    }
    guard i == chars.count else {
      throw PyError.valueError("Invalid format specifier '\(spec)'")
    }
    chars.removeAll()
  }

  /// Formats a float.
  func format(_ value: Double) throws -> String {
    var body: String
    let magnitude = abs(value)
    switch kind {
    case "f", "F": body = printf("%.*f", precision ?? 6, magnitude)
    case "e", "E": body = printf("%.*e", precision ?? 6, magnitude)
    case "g", "G": body = printf("%.*g", max(precision ?? 6, 1), magnitude)
    case "%": body = printf("%.*f", precision ?? 6, magnitude * 100) + "%"
    case nil:
      body =
        precision.map { printf("%.*g", max($0, 1), magnitude) }
        ?? formatFloat(magnitude)
    default:
      throw PyError.valueError("Unknown format code '\(kind ?? " ")' for object of type 'float'")
    }
    if magnitude.isNaN { body = "nan" } else if magnitude.isInfinite { body = "inf" }
    if kind == "E" || kind == "G" || kind == "F" { body = body.uppercased() }
    return finish(body, negative: value < 0 || (value == 0 && value.sign == .minus))
  }

  /// Formats an integer.
  func format(_ value: Int) throws -> String {
    switch kind {
    case nil, "d", "n": break
    case "f", "F", "e", "E", "g", "G", "%": return try format(Double(value))
    default:
      throw PyError.valueError("Unknown format code '\(kind ?? " ")' for object of type 'int'")
    }
    return finish(String(value.magnitude), negative: value < 0)
  }

  private func finish(_ digits: String, negative: Bool) -> String {
    var body = grouping.map { group(digits, $0) } ?? digits
    let signText = negative ? "-" : (sign == "+" ? "+" : (sign == " " ? " " : ""))
    let padding = max(0, width - body.count - signText.count)
    if zeroPad && align == nil {
      body = String(repeating: "0", count: padding) + body
      return signText + body
    }
    let text = signText + body
    let pad = String(repeating: fill, count: padding)
    switch align ?? ">" {
    case "<": return text + pad
    case "^":
      let left = padding / 2
      return String(repeating: fill, count: left) + text
        + String(repeating: fill, count: padding - left)
    case "=": return signText + pad + body
    default: return pad + text
    }
  }

  private func group(_ digits: String, _ separator: Character) -> String {
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = Array(parts.first ?? "")
    var grouped = ""
    for (i, ch) in whole.enumerated() {
      if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(separator) }
      grouped.append(ch)
    }
    return parts.count > 1 ? grouped + "." + parts[1] : grouped
  }

  private func printf(_ format: String, _ places: Int, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let written = withVaList([Int32(min(places, 100)), value]) { arguments in
      buffer.withUnsafeMutableBufferPointer { pointer in
        vsnprintf(pointer.baseAddress, pointer.count, format, arguments)
      }
    }
    let length = max(0, min(Int(written), buffer.count - 1))
    return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
