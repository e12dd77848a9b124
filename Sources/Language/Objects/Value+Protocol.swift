extension Value {
  /// The Python type name, as error messages show it.
  public var typeName: String {
    switch self {
    case .none: return "NoneType"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "str"
    case .object(let object): return object.type.name
    }
  }

  /// `bool(value)`.
  public func isTruthy() throws -> Bool {
    switch self {
    case .none: return false
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .float(let number): return number != 0
    case .string(let text): return !text.isEmpty
    case .object(let object): return try object.isTruthy()
    }
  }

  /// The value as an int, accepting bools and integral objects (NumPy
  /// integer scalars) as Python's `__index__` does.
  public func asInt(context: String = "argument") throws -> Int {
    switch self {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .object(let object):
      if let integral = object as? IntegerConvertible { return try integral.integerValue() }
    default: break
    }
    throw PyError.typeError(
      "\(context) must be an integer, not '\(typeName)'")
  }

  /// The value as a float, accepting ints, bools and NumPy scalars.
  public func asDouble(context: String = "argument") throws -> Double {
    switch self {
    case .float(let number): return number
    case .int(let number): return Double(number)
    case .bool(let flag): return flag ? 1 : 0
    case .object(let object):
      if let real = object as? FloatConvertible { return try real.floatValue() }
    default: break
    }
    throw PyError.typeError("\(context) must be a real number, not '\(typeName)'")
  }

  /// `repr(value)`.
  public func repr() throws -> String {
    switch self {
    case .none: return "None"
    case .bool(let flag): return flag ? "True" : "False"
    case .int(let number): return String(number)
    case .float(let number): return formatFloat(number)
    case .string(let text): return quoteString(text)
    case .object(let object): return try object.repr()
    }
  }

  /// `str(value)`.
  public func str() throws -> String {
    switch self {
    case .string(let text): return text
    case .object(let object): return try object.str()
    default: return try repr()
    }
  }

  /// `a == b` as a truth value, for containers, `in` and dict keys.
  public static func equal(_ a: Value, _ b: Value) throws -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.string(let x), .string(let y)): return x.hasSameCodePoints(as: y)
    case (.object(let x), _):
      guard let result = try x.compare(.equal, b) else { return false }
      return try result.isTruthy()
    case (_, .object(let y)):
      guard let result = try y.compare(.equal, a) else { return false }
      return try result.isTruthy()
    default:
      if let x = a.numericValue, let y = b.numericValue { return x == y }
      return false
    }
  }

  /// The value as a number when it is a bool, int or float.
  public var numericValue: Double? {
    switch self {
    case .bool(let flag): return flag ? 1 : 0
    case .int(let number): return Double(number)
    case .float(let number): return number
    default: return nil
    }
  }
}

/// An object that stands for an integer (`np.int64(3)`, a 0-d int array).
public protocol IntegerConvertible {
  /// The integer it stands for.
  func integerValue() throws -> Int
}

/// An object that stands for a real number (`np.float32(0.5)`).
public protocol FloatConvertible {
  /// The number it stands for.
  func floatValue() throws -> Double
}

/// Formats a float as Python's `repr` does: the shortest text that reads
/// back to the same value, `1.0` for whole numbers, exponents outside
/// 1e-4 ..< 1e16.
public func formatFloat(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  let magnitude = abs(value)
  if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16) {
    var text = "\(value)"
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      var mantissa = String(text[..<e])
      var exponent = String(text[text.index(after: e)...])
      if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
      let negative = exponent.hasPrefix("-")
      exponent = exponent.trimmingCharacters(["-", "+"])
      if exponent.count < 2 { exponent = "0" + exponent }
      text = mantissa + "e" + (negative ? "-" : "+") + exponent
    }
    return text
  }
  var text = "\(value)"
  if text.contains("e") {
    // Swift switched to an exponent below Python's threshold; spell the
    // digits out instead.
    text = expandExponent(value)
  }
  if !text.contains(".") { text += ".0" }
  return text
}

private func expandExponent(_ value: Double) -> String {
  let text = "\(value)"
  guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...])
  else { return text }
  var mantissa = String(text[..<e])
  let negative = mantissa.hasPrefix("-")
  if negative { mantissa.removeFirst() }
  let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
  let whole = String(parts.first ?? "0")
  var fraction = parts.count > 1 ? String(parts[1]) : ""
  if fraction == "0" { fraction = "" }
  var digits = whole + fraction
  let point = whole.count + exponent
  if point >= digits.count {
    digits += String(repeating: "0", count: point - digits.count)
    return (negative ? "-" : "") + digits + ".0"
  }
  if point <= 0 {
    return (negative ? "-" : "") + "0." + String(repeating: "0", count: -point) + digits
  }
  let index = digits.index(digits.startIndex, offsetBy: point)
  digits.insert(".", at: index)
  return (negative ? "-" : "") + digits
}

/// Quotes a string as Python's `repr` does, preferring single quotes.
public func quoteString(_ text: String) -> String {
  let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
  var result = String(quote)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": result += "\\\\"
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    default:
      if Character(scalar) == quote {
        result += "\\" + String(quote)
      } else if scalar.value < 0x20 || scalar.value == 0x7F {
        result += "\\x" + hex(scalar.value, width: 2)
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  result.append(quote)
  return result
}

private func hex(_ value: UInt32, width: Int) -> String {
  let digits = String(value, radix: 16)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension String {
  fileprivate func trimmingCharacters(_ set: Set<Character>) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice.removeFirst() }
    while let last = slice.last, set.contains(last) { slice.removeLast() }
    return String(slice)
  }
}
