import Language
import Tensors

extension BoundArguments {
  /// An `axis` argument: nil for None, else one or more axes.
  func axes(_ name: String = "axis") throws -> [Int]? {
    guard let value = optional(name) else { return nil }
    return try intList(value, context: argumentContext(name))
  }

  /// An array argument.
  func array(_ name: String) throws -> NDArray {
    guard let value = self[name] else {
      throw PyError.typeError("\(signature.function)() missing required argument '\(name)'")
    }
    return try value.asNDArray(context: argumentContext(name))
  }

  /// A `dtype` argument, or nil when not given.
  func dtype(_ name: String = "dtype") throws -> DType? {
    guard let value = optional(name) else { return nil }
    return try parseDType(value)
  }

  /// A shape argument: an int or a sequence of ints.
  func shape(_ name: String) throws -> [Int] {
    guard let value = optional(name) else { return [] }
    return try intList(value, context: argumentContext(name))
  }
}

/// An int, or a tuple/list/array of ints, as a Swift array.
func intList(_ value: Value, context: String) throws -> [Int] {
  if let items = value.object(as: PyTuple.self)?.items ?? value.object(as: PyList.self)?.items {
    return try items.map { try $0.asInt(context: context) }
  }
  if let array = value.object(as: NDArrayObject.self)?.array, array.ndim == 1 {
    return array.values(as: Int64.self).map { Int($0) }
  }
  return [try value.asInt(context: context)]
}

/// The shape passed as separate ints or one sequence: `reshape(2, 3)` or
/// `reshape((2, 3))`.
func shapeArguments(_ values: [Value], context: String) throws -> [Int] {
  if values.count == 1 { return try intList(values[0], context: context) }
  return try values.map { try $0.asInt(context: context) }
}

/// A tuple of ints as Python shows shapes.
func shapeTuple(_ shape: [Int]) -> Value { .tuple(shape.map { .int($0) }) }

/// Converts a runtime error into the language's, for bodies that mix both.
extension Value {
  /// Nested Python lists of the array's elements (`tolist`).
  static func list(of array: NDArray) throws -> Value {
    if array.ndim == 0 {
      let scalar = NumPyScalar.make(array)
      return scalar.pythonValue
    }
    var items: [Value] = []
    for i in 0..<array.shape[0] { items.append(try list(of: array.subscripted([.index(i)]))) }
    return .list(items)
  }
}

extension BoundArguments {
  /// The default written in the signature for `name`, as a value.
  private func signatureDefault(_ name: String) -> Value? {
    guard let text = signature.parameters.first(where: { $0.name == name })?.defaultText
    else { return nil }
    switch text {
    case "True": return .bool(true)
    case "False": return .bool(false)
    case "None": return Value.none
    default: break
    }
    if let number = Int(text) { return .int(number) }
    if let number = Double(text) { return .float(number) }
    if text.count >= 2, text.first == "'" { return .string(String(text.dropFirst().dropLast())) }
    return nil
  }

  /// An int argument, falling back to the signature's default.
  func intArg(_ name: String) throws -> Int {
    guard let value = optional(name) ?? signatureDefault(name), !value.isNone else {
      return try int(name)
    }
    return try value.asInt(context: argumentContext(name))
  }

  /// A float argument, falling back to the signature's default.
  func doubleArg(_ name: String) throws -> Double {
    guard let value = optional(name) ?? signatureDefault(name), !value.isNone else {
      return try double(name)
    }
    return try value.asDouble(context: argumentContext(name))
  }

  /// A truth-value argument, falling back to the signature's default.
  func boolArg(_ name: String) throws -> Bool {
    guard let value = optional(name) ?? signatureDefault(name) else { return try bool(name) }
    return try value.isTruthy()
  }

  /// A str argument, falling back to the signature's default.
  func stringArg(_ name: String) throws -> String {
    guard let value = optional(name) ?? signatureDefault(name), case .string(let text) = value
    else { return try string(name) }
    return text
  }
}
