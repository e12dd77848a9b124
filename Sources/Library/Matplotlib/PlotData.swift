import Language
import Tensors

/// Numbers from a language value, flattened, with the shape they had:
/// arrays, (nested) lists and tuples of numbers, or a single number.
struct PlotData {
  /// The length of each axis.
  var shape: [Int]
  /// The elements in row-major order.
  var values: [Double]
  /// Whether the elements were integers (so images read them as 0...255).
  var isIntegral: Bool

  /// The shape of an array value without reading its elements, so that
  /// a call can refuse a huge array of the wrong shape cheaply.
  static func shape(of value: Value) -> [Int]? {
    value.object(as: NDArrayObject.self)?.array.shape
  }

  /// Reads `value`, naming `context` in errors.
  init(_ value: Value, context: String) throws {
    if let array = value.object(as: NDArrayObject.self)?.array {
      shape = array.shape
      values = array.values(as: Double.self)
      isIntegral = array.dtype.isInteger || array.dtype == .bool
      return
    }
    if let number = value.numericValue {
      shape = []
      values = [number]
      isIntegral = !(value.isFloat)
      return
    }
    var shape: [Int]?
    var values: [Double] = []
    var integral = true
    try PlotData.flatten(
      value, depth: 0, shape: &shape, values: &values, integral: &integral, context: context)
    self.shape = shape ?? [0]
    self.values = values
    isIntegral = integral
  }

  private static func flatten(
    _ value: Value, depth: Int, shape: inout [Int]?, values: inout [Double],
    integral: inout Bool, context: String
  ) throws {
    guard depth < 8 else { throw PyError.valueError("\(context) is nested too deeply") }
    let items: [Value]
    if let list = value.object(as: PyList.self) {
      items = list.items
    } else if let tuple = value.object(as: PyTuple.self) {
      items = tuple.items
    } else if let range = value.object(as: PyRange.self) {
      let count = try range.length()
      guard count <= 10_000_000 else {
        throw PyError(.memoryError, "\(context) has \(count) values, too many to plot")
      }
      items = (0..<count).map { .int(range.element(at: $0)) }
    } else if let number = value.numericValue {
      if shape == nil { shape = Array(repeating: 0, count: depth) }
      guard shape?.count == depth else { throw ragged(context) }
      values.append(number)
      if value.isFloat { integral = false }
      return
    } else if let array = value.object(as: NDArrayObject.self)?.array, array.ndim == 0 {
      values.append(array.values(as: Double.self).first ?? 0)
      if array.dtype.isFloatingPoint { integral = false }
      return
    } else if let scalar = value.object(as: PyObject.self) as? FloatConvertible {
      if shape == nil { shape = Array(repeating: 0, count: depth) }
      guard shape?.count == depth else { throw ragged(context) }
      values.append(try scalar.floatValue())
      if !(scalar is IntegerConvertible) { integral = false }
      return
    } else {
      throw PyError.typeError("\(context) must hold numbers, not '\(value.typeName)'")
    }
    if shape == nil, items.isEmpty { shape = Array(repeating: 0, count: depth + 1) }
    for item in items {
      try flatten(
        item, depth: depth + 1, shape: &shape, values: &values, integral: &integral,
        context: context)
    }
    guard var known = shape, depth < known.count else { throw ragged(context) }
    if known[depth] == 0 { known[depth] = items.count }
    guard known[depth] == items.count else { throw ragged(context) }
    shape = known
  }

  private static func ragged(_ context: String) -> PyError {
    PyError.valueError("\(context) must be a rectangular array of numbers")
  }

  /// The values of a 1-d (or flat) sequence.
  func vector(_ context: String) throws -> [Double] {
    guard shape.filter({ $0 != 1 }).count <= 1 else {
      throw PyError.valueError(
        "\(context) must be 1-dimensional, got shape \(formatShape(shape))")
    }
    return values
  }
}

extension Value {
  /// Whether the value is a float (not an int or bool).
  var isFloat: Bool {
    if case .float = self { return true }
    return false
  }
}
