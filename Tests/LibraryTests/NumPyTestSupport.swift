import Language
import Library
import XCTest

/// Calls into the `numpy` bindings the way the interpreter will.
struct NumPyHarness {
  let np: PyModule

  init() throws {
    guard let module = try BuiltinModules().module(named: "numpy") else {
      throw PyError(.importError, "no numpy")
    }
    np = module
  }

  /// `np.<name>(positional..., **keywords)`.
  func call(
    _ name: String, _ positional: [Value] = [], _ keywords: [(String, Value)] = []
  ) throws -> Value {
    try member(.object(np), name).callValue(positional, keywords)
  }

  /// `value.<name>(positional..., **keywords)`.
  func method(
    _ value: Value, _ name: String, _ positional: [Value] = [], _ keywords: [(String, Value)] = []
  ) throws -> Value {
    try member(value, name).callValue(positional, keywords)
  }

  /// `value.<name>`.
  func member(_ value: Value, _ name: String) throws -> Value {
    guard case .object(let object) = value, let found = try object.attribute(name) else {
      throw PyError(.attributeError, name)
    }
    return found
  }
}

extension Value {
  /// Calls the value.
  func callValue(_ positional: [Value] = [], _ keywords: [(String, Value)] = []) throws -> Value {
    guard case .object(let object) = self else { throw PyError.typeError("not callable") }
    return try object.call(Arguments(positional, keywords: keywords.map { ($0.0, $0.1) }))
  }

  /// `self[key]`.
  func item(_ key: Value) throws -> Value {
    guard case .object(let object) = self else { throw PyError.typeError("not subscriptable") }
    return try object.item(key)
  }

  /// A nested list of ints.
  static func ints(_ values: [Int]) -> Value { .list(values.map { .int($0) }) }
}

/// `start:stop:step` as the interpreter passes it to `item`.
func slice(_ start: Int?, _ stop: Int?, _ step: Int? = nil) -> Value {
  func bound(_ value: Int?) -> Value { value.map(Value.int) ?? .none }
  return .object(PySlice(start: bound(start), stop: bound(stop), step: bound(step)))
}
