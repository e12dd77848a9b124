extension NDArray {
  /// The matrix product with NumPy's `matmul` rules: 1-d operands gain
  /// and lose an axis, leading axes broadcast as a batch.
  public static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
    guard a.ndim > 0 && b.ndim > 0 else {
      throw TensorError(
        .valueError,
        "matmul: Input operand \(a.ndim == 0 ? 0 : 1) does not have enough dimensions"
          + " (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
    }
    let left = a.ndim == 1 ? try a.reshaped([1, a.count]) : a
    let right = b.ndim == 1 ? try b.reshaped([b.count, 1]) : b
    let m = left.shape[left.ndim - 2]
    let k = left.shape[left.ndim - 1]
    let n = right.shape[right.ndim - 1]
    guard right.shape[right.ndim - 2] == k else {
      throw TensorError(
        .valueError,
        "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc"
          + " signature (n?,k),(k,m?)->(n?,m?) (size \(right.shape[right.ndim - 2]) is"
          + " different from \(k))")
    }
    let batch = try broadcastShape([
      Array(left.shape.dropLast(2)), Array(right.shape.dropLast(2)),
    ])
    var dtype = DType.promote(a.dtype, b.dtype)
    if dtype == .bool { dtype = .int64 }
    let compute: DType = dtype == .float32 ? .float32 : .float64
    let lhs = try left.converted(to: compute).broadcast(to: batch + [m, k]).contiguousArray()
    let rhs = try right.converted(to: compute).broadcast(to: batch + [k, n]).contiguousArray()
    // GEMM writes every element (zeros too, when k is 0).
    var out = try NDArray(uninitialized: batch + [m, n], dtype: compute)
    let batches = batch.reduce(1, *)
    for i in 0..<batches {
      if compute == .float32 {
        GEMM.multiply(
          lhs.pointer(as: Float.self) + i * m * k, rhs.pointer(as: Float.self) + i * k * n,
          into: out.pointer(as: Float.self) + i * m * n, m: m, n: n, k: k)
      } else {
        GEMM.multiply(
          lhs.pointer(as: Double.self) + i * m * k, rhs.pointer(as: Double.self) + i * k * n,
          into: out.pointer(as: Double.self) + i * m * n, m: m, n: n, k: k)
      }
    }
    withExtendedLifetime((lhs, rhs)) {}
    if a.ndim == 1 { out = try out.squeezed([out.ndim - 2]) }
    if b.ndim == 1 { out = try out.squeezed([out.ndim - 1]) }
    if !dtype.isFloatingPoint { out = try out.rounded().astype(dtype) }
    return out
  }

  /// `np.dot`: the matrix product for 1-d and 2-d operands, a scaled array
  /// when either is 0-d, and the sum over the last axis of `a` and the
  /// second-to-last of `b` otherwise.
  public static func dot(_ a: NDArray, _ b: NDArray) throws -> NDArray {
    if a.ndim == 0 || b.ndim == 0 { return try binary(.multiply, a, b) }
    if a.ndim <= 2 && b.ndim <= 2 {
      guard a.shape[a.ndim - 1] == b.shape[max(b.ndim - 2, 0)] else {
        throw TensorError(
          .valueError,
          "shapes \(formatShape(a.shape)) and \(formatShape(b.shape)) not aligned:"
            + " \(a.shape[a.ndim - 1]) (dim \(a.ndim - 1)) != \(b.shape[max(b.ndim - 2, 0)])"
            + " (dim \(max(b.ndim - 2, 0)))")
      }
      return try matmul(a, b)
    }
    // N-d dot: move b's contracted axis last-but-one-free, then matmul.
    let moved = try b.ndim > 1 ? b.swappingAxes(b.ndim - 2, 0) : b
    let flatB = try moved.reshaped([moved.shape[0], -1])
    let product = try matmul(a, flatB.contiguousArray())
    var rest = Array(b.shape)
    rest.remove(at: b.ndim - 2)
    return try product.reshaped(Array(a.shape.dropLast()) + rest)
  }

  /// `np.linalg.norm` for vectors and the Frobenius norm of matrices
  /// (`order` nil), or the 1 / infinity vector norms.
  public func norm(order: Double? = nil, axes: [Int]? = nil, keepdims: Bool = false) throws
    -> NDArray
  {
    let values = dtype.isFloatingPoint ? self : try astype(.float64)
    let magnitude = try values.unary(.absolute)
    switch order {
    case nil, 2?:
      if order == 2, ndim == 2, axes == nil {
        throw TensorError(.valueError, "the 2-norm of a matrix needs an SVD, not supported")
      }
      let squares = try NDArray.binary(.multiply, magnitude, magnitude)
      return try squares.reduce(.sum, axes: axes, keepdims: keepdims).unary(.sqrt)
    case 1?:
      return try magnitude.reduce(.sum, axes: axes, keepdims: keepdims)
    case let p? where p.isInfinite:
      return try magnitude.reduce(p > 0 ? .max : .min, axes: axes, keepdims: keepdims)
    case let p?:
      let powered = try NDArray.binary(.power, .array(magnitude), .float(p))
      let total = try powered.reduce(.sum, axes: axes, keepdims: keepdims)
      return try NDArray.binary(.power, .array(total), .float(1 / p))
    }
  }
}
