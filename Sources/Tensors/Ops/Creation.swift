extension NDArray {
  /// An array of `shape` with every element `value` (cast to `dtype`).
  public static func full(_ shape: [Int], value: Double, dtype: DType) throws -> NDArray {
    let out = try NDArray(zeros: shape, dtype: dtype)
    if value != 0 { try out.assign(NDArray.scalar(value, dtype: dtype)) }
    return out
  }

  /// Evenly spaced values in `[start, stop)` by `step`, as `np.arange`.
  public static func arange(
    start: Double, stop: Double, step: Double = 1, dtype: DType
  ) throws -> NDArray {
    guard step != 0 else { throw TensorError(.zeroDivisionError, "division by zero") }
    let span = ((stop - start) / step).rounded(.up)
    guard span.isFinite else {
      throw TensorError(.valueError, "arange: cannot compute length")
    }
    let length = max(0, span > 1e18 ? Int.max : Int(span))
    let out = try NDArray(uninitialized: [length], dtype: dtype)
    switch dtype {
    case .float32: out.fillRamp(Float.self, start, step)
    case .float64: out.fillRamp(Double.self, start, step)
    case .int64: out.fillRamp(Int64.self, start, step)
    case .int32: out.fillRamp(Int32.self, start, step)
    case .uint8: out.fillRamp(UInt8.self, start, step)
    case .bool: out.fillRamp(Bool.self, start, step)
    }
    return out
  }

  private func fillRamp<T: Element>(_ type: T.Type, _ start: Double, _ step: Double) {
    let p = pointer(as: T.self)
    for i in 0..<count { p[i] = T(castingFrom: start + Double(i) * step) }
  }

  /// `num` evenly spaced values from `start` to `stop`, as `np.linspace`.
  public static func linspace(
    start: Double, stop: Double, num: Int = 50, endpoint: Bool = true, dtype: DType = .float64
  ) throws -> NDArray {
    guard num >= 0 else {
      throw TensorError(.valueError, "Number of samples, \(num), must be non-negative.")
    }
    _ = try elementCount([num], dtype: .float64)
    let divisor = Double(endpoint ? num - 1 : num)
    let step = linspaceStep(start: start, stop: stop, num: num, endpoint: endpoint)
    var values = (0..<num).map { Double($0) * step + start }
    if divisor == 0 {
      // One sample (or none): NumPy gives just the start.
      values = (0..<num).map { _ in start }
    } else if step == 0 || !step.isFinite {
      values = (0..<num).map { Double($0) / divisor * (stop - start) + start }
    }
    if endpoint && num > 1 { values[num - 1] = stop }
    if dtype.isInteger { values = values.map { $0.rounded(.down) } }
    return try NDArray(values, shape: [num]).converted(to: dtype)
  }

  /// The spacing `linspace` uses, as its `retstep=True` reports it: NaN
  /// when there are too few samples to have one.
  public static func linspaceStep(start: Double, stop: Double, num: Int, endpoint: Bool)
    -> Double
  {
    let divisor = endpoint ? num - 1 : num
    return divisor > 0 ? (stop - start) / Double(divisor) : .nan
  }

  /// A 2-d array with ones on diagonal `k`, as `np.eye`.
  public static func eye(_ rows: Int, _ columns: Int? = nil, k: Int = 0, dtype: DType = .float64)
    throws -> NDArray
  {
    let m = columns ?? rows
    let out = try NDArray(zeros: [rows, m], dtype: .float64)
    let p = out.pointer(as: Double.self)
    // With no columns there is no diagonal to walk down the rows.
    for i in 0..<(m == 0 ? 0 : rows) {
      // A diagonal far off the matrix must not overflow the column index.
      let (column, overflow) = i.addingReportingOverflow(k)
      if !overflow && column >= 0 && column < m { p[i * m + column] = 1 }
    }
    return try out.converted(to: dtype)
  }

  /// Coordinate matrices from coordinate vectors, as `np.meshgrid`
  /// (`xy` indexing swaps the first two output axes).
  public static func meshgrid(_ vectors: [NDArray], cartesian: Bool = true) throws -> [NDArray] {
    var lengths = vectors.map { $0.count }
    if cartesian && lengths.count >= 2 { lengths.swapAt(0, 1) }
    return try vectors.enumerated().map { index, vector in
      var shape = [Int](repeating: 1, count: lengths.count)
      var axis = index
      if cartesian && lengths.count >= 2 && index < 2 { axis = 1 - index }
      shape[axis] = vector.count
      return try vector.reshaped(shape).broadcast(to: lengths).copy()
    }
  }
}
