import Foundation

/// The classes of the built-in values, shared by every session.
enum BuiltinTypes {
  static let int = TypeObject(
    name: "int",
    test: { value in
      switch value {
      case .int, .bool: return true
      case .object(let object): return object is IntegerConvertible && object.type.name == "int"
      default: return false
      }
    }, construct: makeInt)
  static let float = TypeObject(
    name: "float",
    test: { value in
      switch value {
      case .float: return true
      // `np.float64` derives from `float`, as in NumPy.
      case .object(let object): return object is FloatConvertible && object.type.name == "float64"
      default: return false
      }
    }, construct: makeFloat)
  static let str = TypeObject(
    name: "str",
    test: { if case .string = $0 { return true } else { return false } },
    construct: { arguments in
      let bound = try arguments.bind("str(object='')")
      guard let value = bound["object"] else { return .string("") }
      return .string(try value.str())
    })
  static let bool = TypeObject(
    name: "bool",
    test: { if case .bool = $0 { return true } else { return false } },
    construct: { arguments in
      let bound = try arguments.bind("bool(x=False)")
      return .bool(try bound["x"]?.isTruthy() ?? false)
    })
  static let none = TypeObject(
    name: "NoneType", test: { $0.isNone }, construct: { _ in .none })
  static let list = TypeObject(
    name: "list", test: { $0.object(as: PyList.self) != nil },
    construct: { arguments in
      let bound = try arguments.bind("list(iterable=())")
      guard let iterable = bound["iterable"] else { return .list([]) }
      return .list(try collect(iterable))
    })
  static let tuple = TypeObject(
    name: "tuple", test: { $0.object(as: PyTuple.self) != nil },
    construct: { arguments in
      let bound = try arguments.bind("tuple(iterable=())")
      guard let iterable = bound["iterable"] else { return .tuple([]) }
      if case .object(let tuple as PyTuple) = iterable { return .object(tuple) }
      return .tuple(try collect(iterable))
    })
  static let dict = TypeObject(
    name: "dict", test: { $0.object(as: PyDict.self) != nil },
    construct: { arguments in
      let bound = try arguments.bind("dict(iterable=None, **kwargs)")
      let result = PyDict()
      if let source = bound.optional("iterable") { try updateDict(result, from: source) }
      for (name, value) in bound.extraKeywords { try result.set(.string(name), value) }
      return .object(result)
    })
  static let set = TypeObject(
    name: "set", test: { $0.object(as: PySet.self) != nil },
    construct: { arguments in
      let bound = try arguments.bind("set(iterable=())")
      let result = PySet()
      if let iterable = bound["iterable"] { try result.update(from: iterable) }
      return .object(result)
    })
  static let range = TypeObject(
    name: "range", test: { $0.object(as: PyRange.self) != nil }, construct: makeRange)
  static let slice = TypeObject(
    name: "slice", test: { $0.object(as: PySlice.self) != nil },
    construct: { arguments in
      let values = arguments.positional
      switch values.count {
      case 1: return .object(PySlice(start: .none, stop: values[0], step: .none))
      case 2: return .object(PySlice(start: values[0], stop: values[1], step: .none))
      case 3: return .object(PySlice(start: values[0], stop: values[1], step: values[2]))
      default:
        throw PyError.typeError("slice expected at least 1 argument, got \(values.count)")
      }
    })
  static let function = TypeObject(
    name: "function", test: { $0.object(as: PyFunction.self) != nil })
  static let object = TypeObject(
    name: "object", test: { _ in true }, construct: { _ in .object(PyObject()) })
  static let type = TypeObject(
    name: "type",
    test: { value in
      guard case .object(let object) = value else { return false }
      return object is TypeObject || object is ExceptionType
    },
    construct: { arguments in
      guard arguments.positional.count == 1 else {
        throw PyError.typeError("type() takes 1 argument")
      }
      return typeObject(of: arguments.positional[0])
    })

  static let all: [TypeObject] = [
    int, float, str, bool, list, tuple, dict, set, range, slice, object, type,
  ]

  nonisolated(unsafe) static var native: [ObjectIdentifier: TypeObject] = [:]
}

/// `type(value)`.
func typeObject(of value: Value) -> Value {
  switch value {
  case .none: return .object(BuiltinTypes.none)
  case .bool: return .object(BuiltinTypes.bool)
  case .int: return .object(BuiltinTypes.int)
  case .float: return .object(BuiltinTypes.float)
  case .string: return .object(BuiltinTypes.str)
  case .object(let object):
    switch object {
    case is PyList: return .object(BuiltinTypes.list)
    case is PyTuple: return .object(BuiltinTypes.tuple)
    case is PyDict: return .object(BuiltinTypes.dict)
    case is PySet: return .object(BuiltinTypes.set)
    case is PyRange: return .object(BuiltinTypes.range)
    case is PySlice: return .object(BuiltinTypes.slice)
    case is PyFunction: return .object(BuiltinTypes.function)
    case let exception as ExceptionObject: return .object(exception.exceptionType)
    case is TypeObject, is ExceptionType: return .object(BuiltinTypes.type)
    default:
      if let custom = object.classObject { return .object(custom) }
      let key = ObjectIdentifier(object.type)
      if let known = BuiltinTypes.native[key] { return .object(known) }
      let made = TypeObject(object.type)
      BuiltinTypes.native[key] = made
      return .object(made)
    }
  }
}

private func makeInt(_ arguments: Arguments) throws -> Value {
  let bound = try arguments.bind("int(x=0, base=10)")
  guard let value = bound["x"] else { return .int(0) }
  if let baseValue = bound["base"] {
    guard case .string(let text) = value else {
      throw PyError.typeError("int() can't convert non-string with explicit base")
    }
    let base = try baseValue.asInt()
    return .int(try parseInt(text, base: base))
  }
  switch value {
  case .int: return value
  case .bool(let flag): return .int(flag ? 1 : 0)
  case .float(let number):
    if number.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
    if number.isInfinite {
      throw PyError(.overflowError, "cannot convert float infinity to integer")
    }
    guard let result = Int(exactly: number.rounded(.towardZero)) else {
      throw PyError(.overflowError, "int too large (mlscript ints are 64-bit)")
    }
    return .int(result)
  case .string(let text): return .int(try parseInt(text, base: 10))
  case .object(let object):
    if let integral = object as? IntegerConvertible { return .int(try integral.integerValue()) }
    if let real = object as? FloatConvertible {
      return try makeInt(Arguments([.float(try real.floatValue())]))
    }
  default: break
  }
  throw PyError.typeError(
    "int() argument must be a string, a bytes-like object or a real number, not "
      + "'\(value.typeName)'")
}

private func parseInt(_ text: String, base: Int) throws -> Int {
  var cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(
    of: "_", with: "")
  var negative = false
  if cleaned.hasPrefix("-") || cleaned.hasPrefix("+") {
    negative = cleaned.hasPrefix("-")
    cleaned.removeFirst()
  }
  var radix = base
  let lower = cleaned.lowercased()
  if (base == 16 || base == 0) && lower.hasPrefix("0x") {
    radix = 16
    cleaned.removeFirst(2)
  } else if (base == 8 || base == 0) && lower.hasPrefix("0o") {
    radix = 8
    cleaned.removeFirst(2)
  } else if (base == 2 || base == 0) && lower.hasPrefix("0b") {
    radix = 2
    cleaned.removeFirst(2)
  } else if base == 0 {
    radix = 10
  }
  guard radix >= 2 && radix <= 36, let magnitude = Int(cleaned, radix: radix),
    !cleaned.isEmpty
  else {
    throw PyError.valueError(
      "invalid literal for int() with base \(base): \(quoteString(text))")
  }
  return negative ? -magnitude : magnitude
}

private func makeFloat(_ arguments: Arguments) throws -> Value {
  let bound = try arguments.bind("float(x=0.0)")
  guard let value = bound["x"] else { return .float(0) }
  switch value {
  case .float: return value
  case .string(let text):
    let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      .replacingOccurrences(of: "_", with: "")
    switch cleaned {
    case "inf", "+inf", "infinity", "+infinity": return .float(.infinity)
    case "-inf", "-infinity": return .float(-.infinity)
    case "nan", "+nan", "-nan": return .float(.nan)
    default:
      guard let number = Double(cleaned) else {
        throw PyError.valueError("could not convert string to float: \(quoteString(text))")
      }
      return .float(number)
    }
  default:
    do {
      return .float(try value.asDouble())
    } catch {
      throw PyError.typeError(
        "float() argument must be a string or a real number, not '\(value.typeName)'")
    }
  }
}

private func makeRange(_ arguments: Arguments) throws -> Value {
  guard arguments.keywords.isEmpty else {
    throw PyError.typeError("range() takes no keyword arguments")
  }
  let values = try arguments.positional.map { value -> Int in
    if case .float = value {
      throw PyError.typeError("'float' object cannot be interpreted as an integer")
    }
    return try value.asInt(context: "range() argument")
  }
  switch values.count {
  case 1: return .object(PyRange(start: 0, stop: values[0], step: 1))
  case 2: return .object(PyRange(start: values[0], stop: values[1], step: 1))
  case 3:
    guard values[2] != 0 else { throw PyError.valueError("range() arg 3 must not be zero") }
    return .object(PyRange(start: values[0], stop: values[1], step: values[2]))
  case 0: throw PyError.typeError("range expected at least 1 argument, got 0")
  default: throw PyError.typeError("range expected at most 3 arguments, got \(values.count)")
  }
}
