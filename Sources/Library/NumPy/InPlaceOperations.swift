import Language
import Tensors

/// The error NumPy raises when an in-place result cannot be cast back to
/// the target's dtype; a TypeError, as in NumPy.
public let ufuncOutputCastingError = ExceptionType(
  "numpy._core._exceptions._UFuncOutputCastingError", base: .typeError,
  shortName: "UFuncTypeError")

extension NDArrayObject {
  /// `self op= other` as NumPy's `__iadd__` and friends: the result is
  /// written into this array's elements, so views and other names see it.
  func updateInPlace(_ op: BinaryOperator, _ other: Value) throws -> Value? {
    guard flavor == .ndarray, let operand = try? other.asOperand() else { return nil }
    let result: NDArray
    if op == .matrixMultiply {
      let right = try other.asNDArray()
      // NumPy refuses the shapes for which `@=` could never keep the target's.
      guard array.ndim >= 1, right.ndim >= 2 else {
        throw PyError.valueError(
          "inplace matrix multiplication requires the first operand to have at least one and"
            + " the second at least two dimensions.")
      }
      result = try NDArray.matmul(array, right)
    } else {
      guard let ufunc = op.arrayOp else { return nil }
      if case .array(let right) = operand {
        // NumPy lists the output among the operands it failed to broadcast.
        _ = try NDArray.broadcastShape([array.shape, right.shape, array.shape])
      }
      result = try NDArray.binary(ufunc, .array(array), operand)
    }

    guard result.dtype.castsSameKind(to: array.dtype) else {
      throw PyError(
        ufuncOutputCastingError,
        "Cannot cast ufunc '\(op.ufuncName)' output from dtype('\(result.dtype.rawValue)')"
          + " to dtype('\(array.dtype.rawValue)') with casting rule 'same_kind'")
    }
    guard result.shape == array.shape else { throw outputShapeError(op, result.shape) }

    try array.assign(result)
    return .object(self)
  }

  private func outputShapeError(_ op: BinaryOperator, _ shape: [Int]) -> PyError {
    let mine = array.shape
    if op == .matrixMultiply, mine.count == shape.count, let last = mine.last,
      let computed = shape.last, last != computed
    {
      return PyError.valueError(
        "matmul: Output operand 0 has a mismatch in its core dimension \(mine.count - 1),"
          + " with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(last) is different"
          + " from \(computed))")
    }
    return PyError.valueError(
      "non-broadcastable output operand with shape \(compact(mine)) doesn't match"
        + " the broadcast shape \(compact(shape))")
  }

  /// A shape as NumPy's broadcasting errors write it: `(2,3)`.
  private func compact(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ",") + ")"
  }
}

extension DType {
  /// Whether NumPy's `same_kind` casting allows `self` to `target`: to the
  /// same kind or a later one of bool, unsigned, signed, float.
  func castsSameKind(to target: DType) -> Bool {
    kindRank <= target.kindRank
  }

  private var kindRank: Int {
    switch self {
    case .bool: return 0
    case .uint8: return 1
    case .int32, .int64: return 2
    case .float32, .float64: return 3
    }
  }
}

extension BinaryOperator {
  /// The name of the NumPy ufunc behind the operator, as errors show it.
  var ufuncName: String {
    switch self {
    case .add: return "add"
    case .subtract: return "subtract"
    case .multiply: return "multiply"
    case .trueDivide: return "divide"
    case .floorDivide: return "floor_divide"
    case .modulo: return "remainder"
    case .power: return "power"
    case .matrixMultiply: return "matmul"
    case .bitAnd: return "bitwise_and"
    case .bitOr: return "bitwise_or"
    case .bitXor: return "bitwise_xor"
    case .leftShift: return "left_shift"
    case .rightShift: return "right_shift"
    }
  }
}
