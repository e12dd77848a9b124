extension NDArray {
  /// The indices that sort each lane along `axis` (stable; NaN last).
  public func argsort(axis: Int = -1) throws -> NDArray {
    try sortLanes(axis: axis, returnIndices: true)
  }

  /// A sorted copy along `axis` (NaN last).
  public func sorted(axis: Int = -1) throws -> NDArray {
    try sortLanes(axis: axis, returnIndices: false)
  }

  private func sortLanes(axis: Int, returnIndices: Bool) throws -> NDArray {
    if ndim == 0 {
      if returnIndices { return NDArray(scalar: Int64(0)) }
      return try copy()
    }
    let resolved = try NDArray.normalizeAxis(axis, rank: ndim)
    let moved = try swappingAxes(resolved, ndim - 1).copy()
    let n = moved.shape.last ?? 0
    let lanes = n == 0 ? 0 : moved.count / n
    let keyArray = try moved.astype(.float64)
    let keys = keyArray.pointer(as: Double.self)
    let out =
      returnIndices
      ? try NDArray(uninitialized: moved.shape, dtype: .int64) : moved
    var order = [Int](repeating: 0, count: n)
    for lane in 0..<lanes {
      let base = lane * n
      for i in 0..<n { order[i] = i }
      order.sort { a, b in
        let x = keys[base + a]
        let y = keys[base + b]
        if x.isNaN { return false }
        if y.isNaN { return true }
        return x < y || (x == y && a < b)
      }
      if returnIndices {
        let p = out.pointer(as: Int64.self) + base
        for i in 0..<n { p[i] = Int64(order[i]) }
      } else {
        let size = dtype.itemSize
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: max(n * size, 1), alignment: 16)
        let start = moved.storage.bytes + base * size
        for i in 0..<n {
          (scratch + i * size).copyMemory(from: start + order[i] * size, byteCount: size)
        }
        start.copyMemory(from: scratch, byteCount: n * size)
        scratch.deallocate()
      }
    }
    return try withExtendedLifetime(keyArray) {
      try out.swappingAxes(resolved, ndim - 1).copy()
    }
  }

  /// The sorted distinct elements of the flattened array, with how often
  /// each occurs.
  public func unique() throws -> (values: NDArray, counts: NDArray) {
    let flat = try flattened().sorted()
    let keys = try flat.astype(.float64).values(as: Double.self)
    var keep: [Int] = []
    var counts: [Int64] = []
    for i in 0..<flat.count {
      if let last = keep.last, keys[last] == keys[i] || (keys[last].isNaN && keys[i].isNaN) {
        counts[counts.count - 1] += 1
      } else {
        keep.append(i)
        counts.append(1)
      }
    }
    let positions = try NDArray(keep.map { Int64($0) }, shape: [keep.count])
    return (try flat.subscripted([.array(positions)]), try NDArray(counts, shape: [counts.count]))
  }

  /// How often each non-negative integer occurs (or the summed weights),
  /// as `np.bincount`.
  public func bincount(weights: NDArray? = nil, minLength: Int = 0) throws -> NDArray {
    guard ndim == 1 else {
      throw TensorError(.valueError, "object too deep for desired array")
    }
    guard minLength >= 0 else {
      throw TensorError(.valueError, "'minlength' must not be negative")
    }
    guard !dtype.isFloatingPoint else {
      throw TensorError(
        .typeError,
        "Cannot cast array data from dtype('\(dtype.rawValue)') to dtype('int64')"
          + " according to the rule 'safe'")
    }
    let values = values(as: Int64.self)
    if values.contains(where: { $0 < 0 }) {
      throw TensorError(.valueError, "'list' argument must have no negative elements")
    }
    let largest = Int(values.max() ?? -1)
    guard largest < Int.max else {
      throw TensorError(.memoryError, "Unable to allocate an array of \(largest) + 1 elements")
    }
    let length = max(largest + 1, minLength)
    _ = try NDArray.elementCount([length], dtype: .int64)
    if let weights {
      guard weights.shape == shape else {
        throw TensorError(.valueError, "The weights and list don't have the same length.")
      }
      let w = weights.values(as: Double.self)
      var totals = [Double](repeating: 0, count: length)
      for (i, v) in values.enumerated() { totals[Int(v)] += w[i] }
      return try NDArray(totals, shape: [length])
    }
    var totals = [Int64](repeating: 0, count: length)
    for v in values { totals[Int(v)] += 1 }
    return try NDArray(totals, shape: [length])
  }
}
