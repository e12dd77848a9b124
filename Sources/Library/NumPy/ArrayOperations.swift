import Language
import Tensors

/// The NumPy operations shared by `ndarray` methods and `numpy`
/// functions; each reads its options from bound arguments.
enum ArrayOperations {
  /// The options part of a reduction's signature (after the array).
  static func reductionSignature(_ name: String, _ op: ReductionOp) -> String {
    switch op {
    case .sum, .prod, .mean: return "axis=None, dtype=None, out=None, keepdims=False"
    default: return "axis=None, out=None, keepdims=False"
    }
  }

  static func reduce(_ op: ReductionOp, _ array: NDArray, _ a: BoundArguments) throws -> NDArray {
    var input = array
    if op == .sum || op == .prod || op == .mean, let dtype = try a.dtype() {
      input = try input.converted(to: dtype)
    }
    let keepdims = try a.bool("keepdims", default: false)
    var axes = try a.axes()
    if (op == .argmax || op == .argmin), axes == nil {
      let flat = try input.raveled()
      let result = try flat.reduce(op, axes: nil)
      return keepdims ? try result.reshaped(Array(repeating: 1, count: array.ndim)) : result
    }
    if let list = axes, list.isEmpty { axes = [] }
    return try input.reduce(op, axes: axes, keepdims: keepdims)
  }

  static func spread(_ name: String, _ array: NDArray, _ a: BoundArguments, std: Bool) throws
    -> NDArray
  {
    var input = array
    if let dtype = try a.dtype() { input = try input.converted(to: dtype) }
    let axes = try a.axes()
    let ddof = try a.int("ddof", default: 0)
    let keepdims = try a.bool("keepdims", default: false)
    return std
      ? try input.standardDeviation(axes: axes, ddof: ddof, keepdims: keepdims)
      : try input.variance(axes: axes, ddof: ddof, keepdims: keepdims)
  }

  static func clip(_ array: NDArray, _ low: Value?, _ high: Value?) throws -> NDArray {
    let lowOperand = try low.flatMap { $0.isNone ? nil : try $0.asOperand() }
    let highOperand = try high.flatMap { $0.isNone ? nil : try $0.asOperand() }
    return try array.clip(lowOperand, highOperand)
  }

  static func item(_ array: NDArray, _ positions: [Value]) throws -> Value {
    var element = array
    if positions.isEmpty {
      guard array.count == 1 else {
        throw PyError.valueError("can only convert an array of size 1 to a Python scalar")
      }
      element = try array.reshaped([])
    } else if positions.count == 1 {
      let flat = try array.raveled()
      element = try flat.subscripted([.index(try positions[0].asInt())])
    } else {
      element = try array.subscripted(positions.map { .index(try $0.asInt()) })
    }
    return NumPyScalar(element).pythonValue
  }
}
