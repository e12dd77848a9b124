import Foundation

/// A parsed format specification: `[[fill]align][sign][#][0][width][,][.precision][type]`.
struct FormatSpec {
  var fill: Character = " "
  var align: Character?
  var sign: Character = "-"
  var alternate = false
  var width = 0
  var grouping: Character?
  var precision: Int?
  var type: Character?
  /// Whether a sign character (`+`, `-` or space) was written.
  var signGiven = false
  /// Whether `z` (coerce negative zero) was written.
  var coercesNegativeZero = false
  /// Whether the `=` alignment came only from a leading `0`, which strings
  /// take as a fill without it.
  var alignFromZero = false

  init(_ text: String) throws {
    var chars = Array(text)
    var i = 0
    let aligns: Set<Character> = ["<", ">", "^", "="]
    var fillGiven = false
    if chars.count >= 2 && aligns.contains(chars[1]) {
      fill = chars[0]
      align = chars[1]
      fillGiven = true
      i = 2
    } else if !chars.isEmpty && aligns.contains(chars[0]) {
      align = chars[0]
      i = 1
    }
    if i < chars.count && "+- ".contains(chars[i]) {
      sign = chars[i]
      signGiven = true
      i += 1
    }
    if i < chars.count && chars[i] == "z" {
      coercesNegativeZero = true
      i += 1
    }
    if i < chars.count && chars[i] == "#" {
      alternate = true
      i += 1
    }
    if i < chars.count && chars[i] == "0" {
      // A leading 0 is a fill of zeros unless a fill was written; it aligns
      // numbers after the sign only when no alignment was written.
      if !fillGiven { fill = "0" }
      if align == nil {
        align = "="
        alignFromZero = true
      }
      i += 1
    }
    var digits = ""
    while i < chars.count && chars[i].isASCII && chars[i].isNumber {
      digits.append(chars[i])
      i += 1
    }
    guard let parsedWidth = digits.isEmpty ? 0 : Int(digits) else {
      throw PyError.valueError("Too many decimal digits in format string")
    }
    width = parsedWidth
    try Limits.checkString(length: width)
    if i < chars.count && (chars[i] == "," || chars[i] == "_") {
      grouping = chars[i]
      i += 1
      if i < chars.count && (chars[i] == "," || chars[i] == "_") {
        throw PyError.valueError("Cannot specify both ',' and '_'.")
      }
    }
    if i < chars.count && chars[i] == "." {
      i += 1
      var precisionDigits = ""
      while i < chars.count && chars[i].isASCII && chars[i].isNumber {
        precisionDigits.append(chars[i])
        i += 1
      }
      guard !precisionDigits.isEmpty else {
        throw PyError.valueError("Format specifier missing precision")
      }
      guard let value = Int(precisionDigits), value <= Int(Int32.max) else {
        throw PyError.valueError("precision too big")
      }
      precision = value
    }
    if i < chars.count {
      type = chars[i]
      i += 1
    }
    if i < chars.count {
      throw PyError.valueError("Invalid format specifier '\(text)'")
    }
    chars = []
    try checkGrouping()
  }

  // Separators suit decimal and float types; `_` also groups the digits
  // of binary, octal and hex by four (PEP 378 and PEP 515).
  private func checkGrouping() throws {
    guard let grouping, let type else { return }
    if "deEfFgG%".contains(type) { return }
    if grouping == "_" && "boxX".contains(type) { return }
    throw PyError.valueError("Cannot specify '\(grouping)' with '\(type)'.")
  }

  /// Rejects the parts of the spec that make no sense for a string, with
  /// CPython's messages, and drops the alignment a leading 0 implied.
  mutating func checkForString() throws {
    guard type == nil || type == "s" else {
      throw PyError.valueError(
        "Unknown format code '\(type.map(String.init) ?? "")' for object of type 'str'")
    }
    if let grouping {
      throw PyError.valueError("Cannot specify '\(grouping)' with 's'.")
    }
    if signGiven {
      throw PyError.valueError(
        sign == " "
          ? "Space not allowed in string format specifier"
          : "Sign not allowed in string format specifier")
    }
    if coercesNegativeZero {
      throw PyError.valueError(
        "Negative zero coercion (z) not allowed in string format specifier")
    }
    if alternate {
      throw PyError.valueError("Alternate form (#) not allowed in string format specifier")
    }
    if alignFromZero {
      align = nil
    } else if align == "=" {
      throw PyError.valueError("'=' alignment not allowed in string format specifier")
    }
  }

  /// Pads `body` (with `signText` in front) to the width.
  func pad(_ body: String, signText: String = "", defaultAlign: Character) -> String {
    let total = signText.codePointCount + body.codePointCount
    guard width > total else { return signText + body }
    let padding = width - total
    switch align ?? defaultAlign {
    case "<": return signText + body + String(repeating: fill, count: padding)
    case "^":
      let left = padding / 2
      return String(repeating: fill, count: left) + signText + body
        + String(repeating: fill, count: padding - left)
    case "=": return signText + String(repeating: fill, count: padding) + body
    default: return String(repeating: fill, count: padding) + signText + body
    }
  }
}

/// Inserts thousands separators into the digits before any point.
func groupDigits(_ text: String, separator: Character, every: Int = 3) -> String {
  let point = text.firstIndex(where: { !$0.isNumber }) ?? text.endIndex
  let digits = Array(text[..<point])
  var result = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % every == 0 { result.append(separator) }
    result.append(digit)
  }
  return result + text[point...]
}

/// `format(value, spec)`, as f-strings and `str.format` use it.
func formatValue(_ value: Value, _ specText: String) throws -> String {
  switch value {
  case .string(let text):
    if specText.isEmpty { return text }
    var spec = try FormatSpec(specText)
    try spec.checkForString()
    var body = text
    if let precision = spec.precision {
      body = String(codePoints: body.unicodeScalars.prefix(precision))
    }
    return spec.pad(body, defaultAlign: "<")
  case .int(let number):
    if specText.isEmpty { return String(number) }
    return try formatInt(number, try FormatSpec(specText))
  case .bool(let flag):
    if specText.isEmpty { return flag ? "True" : "False" }
    return try formatInt(flag ? 1 : 0, try FormatSpec(specText), typeName: "bool")
  case .float(let number):
    if specText.isEmpty { return formatFloat(number) }
    return try formatDouble(number, try FormatSpec(specText))
  case .none:
    if specText.isEmpty { return "None" }
    throw PyError.typeError("unsupported format string passed to NoneType.__format__")
  case .object(let object):
    if specText.isEmpty { return try object.str() }
    if let real = object as? FloatConvertible, !(object is IntegerConvertible) {
      return try formatDouble(try real.floatValue(), try FormatSpec(specText))
    }
    if let integral = object as? IntegerConvertible {
      return try formatInt(try integral.integerValue(), try FormatSpec(specText))
    }
    return try object.format(specText)
  }
}

private func formatInt(
  _ number: Int, _ spec: FormatSpec, typeName: String = "int"
) throws -> String {
  if let type = spec.type, "eEfFgG%".contains(type) {
    return try formatDouble(Double(number), spec)
  }
  if let type = spec.type, !"bcdoxXn".contains(type) {
    throw PyError.valueError(
      "Unknown format code '\(type)' for object of type '\(typeName)'")
  }
  if spec.precision != nil {
    throw PyError.valueError("Precision not allowed in integer format specifier")
  }
  if spec.coercesNegativeZero {
    throw PyError.valueError(
      "Negative zero coercion (z) not allowed in integer format specifier")
  }
  if spec.type == "c" && spec.signGiven {
    throw PyError.valueError("Sign not allowed with integer format specifier 'c'")
  }
  if spec.type == "c" && spec.alternate {
    throw PyError.valueError(
      "Alternate form (#) not allowed with integer format specifier 'c'")
  }
  var digits: String
  let magnitude = number.magnitude
  var prefix = ""
  switch spec.type {
  case nil, "d", "n": digits = String(magnitude)
  case "x":
    digits = String(magnitude, radix: 16)
    prefix = "0x"
  case "X":
    digits = String(magnitude, radix: 16, uppercase: true)
    prefix = "0X"
  case "o":
    digits = String(magnitude, radix: 8)
    prefix = "0o"
  case "b":
    digits = String(magnitude, radix: 2)
    prefix = "0b"
  case "c":
    guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: number)) else {
      throw PyError(.overflowError, "%c arg not in range(0x110000)")
    }
    return spec.pad(String(Character(scalar)), defaultAlign: "<")
  default:
    throw PyError.valueError(
      "Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type 'int'")
  }
  if let separator = spec.grouping {
    digits = groupDigits(
      digits, separator: separator, every: spec.type == nil || spec.type == "d" ? 3 : 4)
  }
  let signText =
    (number < 0 ? "-" : spec.sign == "+" ? "+" : spec.sign == " " ? " " : "")
    + (spec.alternate ? prefix : "")
  if spec.fill == "0" && spec.align == "=" && spec.grouping != nil {
    return zeroPadGrouped(digits, signText: signText, spec: spec)
  }
  return spec.pad(digits, signText: signText, defaultAlign: ">")
}

private func zeroPadGrouped(_ digits: String, signText: String, spec: FormatSpec) -> String {
  var body = digits
  let separator = spec.grouping ?? ","
  while signText.count + body.count < spec.width {
    let plain = body.filter { $0 != separator }
    body = groupDigits("0" + plain, separator: separator)
  }
  return signText + body
}

private func formatDouble(_ number: Double, _ spec: FormatSpec) throws -> String {
  var spec = spec
  if let precision = spec.precision {
    if let type = spec.type, "fF%eE".contains(type) || spec.alternate {
      try Limits.checkString(length: precision)
    } else {
      // No double has more than 767 significant digits, so a larger
      // precision without `#` prints the same text.
      spec.precision = min(precision, 800)
    }
  }
  var body: String
  let magnitude = Swift.abs(number)
  var negative = number < 0 || (number == 0 && number.sign == .minus)
  // `#` keeps the point even with no digits after it.
  let alternate = spec.alternate ? "#" : ""
  if number.isNaN || number.isInfinite {
    body = number.isNaN ? "nan" : "inf"
    if let type = spec.type, type.isUppercase { body = body.uppercased() }
  } else {
    switch spec.type {
    case "f", "F":
      body = String(format: "%\(alternate).\(spec.precision ?? 6)f", magnitude)
    case "e", "E":
      body = String(format: "%\(alternate).\(spec.precision ?? 6)e", magnitude)
      if spec.type == "E" { body = body.uppercased() }
    case "g", "G":
      body = String(format: "%\(spec.alternate ? "#" : "").\(spec.precision ?? 6)g", magnitude)
      if spec.type == "G" { body = body.uppercased() }
    case "%":
      body = String(format: "%\(alternate).\(spec.precision ?? 6)f", magnitude * 100) + "%"
    case "n":
      body = String(format: "%.\(spec.precision ?? 6)g", magnitude)
    case nil:
      if let precision = spec.precision {
        body = String(format: "%.\(max(precision, 1))g", magnitude)
        if !body.contains(".") && !body.contains("e") && !body.contains("n") {
          body += ".0"
        }
      } else {
        body = formatFloat(magnitude)
      }
    default:
      throw PyError.valueError(
        "Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type 'float'")
    }
  }
  if spec.coercesNegativeZero && !number.isNaN
    && !body.contains(where: { "123456789".contains($0) })
  {
    // `z` drops the sign of a value that rounds to zero.
    negative = false
  }
  if let separator = spec.grouping { body = groupDigits(body, separator: separator) }
  let signText = negative ? "-" : spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
  if spec.fill == "0" && spec.align == "=" && spec.grouping != nil {
    return zeroPadGrouped(body, signText: signText, spec: spec)
  }
  return spec.pad(body, signText: signText, defaultAlign: ">")
}

/// `"%d items" % count`: printf-style formatting.
func percentFormat(_ format: String, _ arguments: Value) throws -> String {
  var values: [Value]
  var mapping: PyDict?
  if case .object(let tuple as PyTuple) = arguments {
    values = tuple.items
  } else if case .object(let dict as PyDict) = arguments {
    mapping = dict
    values = [arguments]
  } else {
    values = [arguments]
  }
  var result = ""
  var next = 0
  let chars = Array(format)
  var i = 0
  func take() throws -> Value {
    guard next < values.count else {
      throw PyError.typeError("not enough arguments for format string")
    }
    defer { next += 1 }
    return values[next]
  }
  while i < chars.count {
    let c = chars[i]
    guard c == "%" else {
      result.append(c)
      i += 1
      continue
    }
    i += 1
    guard i < chars.count else { throw PyError.valueError("incomplete format") }
    var key: String?
    if chars[i] == "(" {
      var name = ""
      i += 1
      while i < chars.count && chars[i] != ")" {
        name.append(chars[i])
        i += 1
      }
      i += 1
      key = name
    }
    var flags = ""
    while i < chars.count && "-+ #0".contains(chars[i]) {
      flags.append(chars[i])
      i += 1
    }
    var width = ""
    while i < chars.count && (chars[i].isNumber || chars[i] == "*") {
      if chars[i] == "*" {
        width += String(try take().asInt())
      } else {
        width.append(chars[i])
      }
      i += 1
    }
    var precision: String?
    if i < chars.count && chars[i] == "." {
      i += 1
      var digits = ""
      while i < chars.count && chars[i].isNumber {
        digits.append(chars[i])
        i += 1
      }
      precision = digits.isEmpty ? "0" : digits
    }
    guard i < chars.count else { throw PyError.valueError("incomplete format") }
    let conversion = chars[i]
    i += 1
    if conversion == "%" {
      result.append("%")
      continue
    }
    let value: Value
    if let key, let mapping {
      value = try mapping.item(.string(key))
    } else {
      value = try take()
    }
    var spec = ""
    if flags.contains("-") {
      spec += "<"
    } else if flags.contains("0") && conversion != "s" && conversion != "r" {
      spec += "0"
    } else if !width.isEmpty {
      spec += ">"
    }
    if flags.contains("+") { spec = (spec == "0" ? "+0" : spec + "+") }
    spec += width
    switch conversion {
    case "s":
      result += try formatValue(.string(try value.str()), spec + (precision.map { "." + $0 } ?? ""))
    case "r": result += try formatValue(.string(try value.repr()), spec)
    case "d", "i", "u":
      result += try formatValue(.int(try percentInteger(value)), spec)
    case "f", "F", "e", "E", "g", "G":
      guard let number = try? value.asDouble() else {
        throw PyError.typeError("must be real number, not \(value.typeName)")
      }
      result += try formatValue(
        .float(number), spec + "." + (precision ?? "6") + String(conversion))
    case "x", "X", "o":
      guard let number = try? value.asInt() else {
        throw PyError.typeError(
          "%\(conversion) format: an integer is required, not \(value.typeName)")
      }
      result += try formatValue(.int(number), spec + String(conversion))
    case "c":
      result += try value.str()
    default:
      throw PyError.valueError(
        "unsupported format character '\(conversion)' "
          + "(0x\(String(conversion.asciiValue ?? 0, radix: 16)))"
          + " at index \(i - 1)")
    }
  }
  if next < values.count && mapping == nil {
    throw PyError.typeError("not all arguments converted during string formatting")
  }
  return result
}

/// The integer `%d` shows for `value`: floats are cut toward zero.
private func percentInteger(_ value: Value) throws -> Int {
  if case .float(let x) = value {
    if x.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
    if x.isInfinite {
      throw PyError(.overflowError, "cannot convert float infinity to integer")
    }
    guard let number = Int(exactly: x.rounded(.towardZero)) else {
      throw PyError(.overflowError, "cannot convert float \(x) to a 64-bit integer")
    }
    return number
  }
  guard let number = try? value.asInt() else {
    if let real = try? value.asDouble() { return try percentInteger(.float(real)) }
    throw PyError.typeError("%d format: a real number is required, not \(value.typeName)")
  }
  return number
}

/// `"{} {name:>5}".format(...)`.
func strFormat(_ format: String, _ arguments: Arguments) throws -> String {
  var result = ""
  let chars = Array(format)
  var i = 0
  var automatic = 0
  while i < chars.count {
    let c = chars[i]
    if c == "{" {
      if i + 1 < chars.count && chars[i + 1] == "{" {
        result.append("{")
        i += 2
        continue
      }
      var field = ""
      var depth = 1
      i += 1
      while i < chars.count {
        if chars[i] == "{" { depth += 1 }
        if chars[i] == "}" {
          depth -= 1
          if depth == 0 { break }
        }
        field.append(chars[i])
        i += 1
      }
      guard i < chars.count else {
        throw PyError.valueError("expected '}' before end of string")
      }
      i += 1
      var spec = ""
      var conversion: Character?
      if let colon = field.firstIndex(of: ":") {
        spec = String(field[field.index(after: colon)...])
        field = String(field[..<colon])
      }
      if let bang = field.firstIndex(of: "!") {
        conversion = field[field.index(after: bang)...].first
        field = String(field[..<bang])
      }
      if spec.contains("{") { spec = try strFormat(spec, arguments) }
      var nameEnd = field.firstIndex(where: { $0 == "." || $0 == "[" }) ?? field.endIndex
      let head = String(field[..<nameEnd])
      var value: Value
      if head.isEmpty {
        guard automatic < arguments.positional.count else {
          throw PyError(
            .indexError,
            "Replacement index \(automatic) out of range for positional args tuple")
        }
        value = arguments.positional[automatic]
        automatic += 1
      } else if let index = Int(head) {
        guard index < arguments.positional.count else {
          throw PyError(
            .indexError, "Replacement index \(index) out of range for positional args tuple")
        }
        value = arguments.positional[index]
      } else {
        guard let keyword = arguments.keywords.first(where: { $0.name == head }) else {
          throw PyError(.keyError, quoteString(head))
        }
        value = keyword.value
      }
      while nameEnd < field.endIndex {
        if field[nameEnd] == "." {
          let rest = field[field.index(after: nameEnd)...]
          let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? field.endIndex
          value = try getAttribute(value, String(rest[..<end]))
          nameEnd = end
        } else {
          let rest = field[field.index(after: nameEnd)...]
          guard let close = rest.firstIndex(of: "]") else {
            throw PyError.valueError("Missing ']' in format string")
          }
          let keyText = String(rest[..<close])
          value = try getItem(value, Int(keyText).map { .int($0) } ?? .string(keyText))
          nameEnd = field.index(after: close)
        }
      }
      switch conversion {
      case "r", "a": value = .string(try value.repr())
      case "s": value = .string(try value.str())
      default: break
      }
      result += try formatValue(value, spec)
    } else if c == "}" {
      if i + 1 < chars.count && chars[i + 1] == "}" {
        result.append("}")
        i += 2
        continue
      }
      throw PyError.valueError("Single '}' encountered in format string")
    } else {
      result.append(c)
      i += 1
    }
  }
  return result
}
