import Dispatch

/// A reduction over axes, as NumPy's `sum`, `max`, `argmax` ...
public enum ReductionOp: String, Sendable {
  case sum, prod, min, max, argmin, argmax, any, all, mean
}

extension NDArray {
  /// Resolves an `axis` argument (nil means every axis) to sorted axes.
  public func reductionAxes(_ axes: [Int]?) throws -> [Int] {
    guard let axes else { return Array(0..<ndim) }
    let resolved = try axes.map { try NDArray.normalizeAxis($0, rank: ndim) }
    guard Set(resolved).count == resolved.count else {
      throw TensorError(.valueError, "duplicate value in 'axis'")
    }
    return resolved.sorted()
  }

  /// Reduces over `axes` (nil: all), keeping them as length 1 when
  /// `keepdims`.
  public func reduce(_ op: ReductionOp, axes: [Int]? = nil, keepdims: Bool = false) throws
    -> NDArray
  {
    let reduced = try reductionAxes(axes)
    if (op == .argmax || op == .argmin) && reduced.count > 1 && reduced.count != ndim {
      throw TensorError(.typeError, "'tuple' object cannot be interpreted as an integer")
    }
    let kept = (0..<ndim).filter { !reduced.contains($0) }
    var result = try reduceCore(op, kept: kept, reduced: reduced)
    if keepdims {
      let full = (0..<ndim).map { reduced.contains($0) ? 1 : shape[$0] }
      result = try result.reshaped(full)
    }
    return result
  }

  private func reduceCore(_ op: ReductionOp, kept: [Int], reduced: [Int]) throws -> NDArray {
    let blockCount = reduced.reduce(1) { $0 * shape[$1] }
    if blockCount == 0 { try checkEmptyReduction(op) }
    switch op {
    case .sum, .prod:
      let acc: DType = dtype.isFloatingPoint ? dtype : .int64
      let input = try converted(to: acc)
      switch acc {
      case .float32: return try input.sumOrProduct(op, kept, reduced, Float.self)
      case .float64: return try input.sumOrProduct(op, kept, reduced, Double.self)
      default: return try input.sumOrProduct(op, kept, reduced, Int64.self)
      }
    case .mean:
      let total = try (dtype.isFloatingPoint ? self : astype(.float64))
        .reduceCore(.sum, kept: kept, reduced: reduced)
      let divided = try NDArray.binary(.trueDivide, .array(total), .float(Double(blockCount)))
      return divided
    case .min, .max, .argmin, .argmax:
      switch dtype {
      case .float32: return try extremum(op, kept, reduced, Float.self)
      case .float64: return try extremum(op, kept, reduced, Double.self)
      case .int64: return try extremum(op, kept, reduced, Int64.self)
      case .int32: return try extremum(op, kept, reduced, Int32.self)
      case .uint8: return try extremum(op, kept, reduced, UInt8.self)
      case .bool:
        let result = try astype(.uint8).reduceCore(op, kept: kept, reduced: reduced)
        return op == .min || op == .max ? try result.astype(.bool) : result
      }
    case .any, .all:
      let flags = try converted(to: .bool)
      let wantAll = op == .all
      return try flags.reduceBlocks(kept, reduced, Bool.self) { block, layout in
        var answer = wantAll
        layout.forEachRow(0..<layout.rowCount) { offsets in
          let n = layout.rowLength
          let s = layout.strides[0][layout.shape.count - 1]
          for i in 0..<n where block[offsets[0] + i * s] != wantAll {
            answer = !wantAll
            return
          }
        }
        return answer
      }
    }
  }

  private func checkEmptyReduction(_ op: ReductionOp) throws {
    switch op {
    case .min, .max:
      let name = op == .min ? "minimum" : "maximum"
      throw TensorError(
        .valueError, "zero-size array to reduction operation \(name) which has no identity")
    case .argmin, .argmax:
      throw TensorError(.valueError, "attempt to get \(op.rawValue) of an empty sequence")
    default: return
    }
  }

  /// Runs `body` on each block of reduced elements: it gets a pointer to
  /// the block's first element and the block's merged layout.
  private func reduceBlocks<T, R: Element>(
    _ kept: [Int], _ reduced: [Int], _ type: T.Type,
    _ body: (UnsafePointer<T>, LoopLayout) -> R
  ) throws -> NDArray {
    let outShape = kept.map { shape[$0] }
    let out = try NDArray(uninitialized: outShape, dtype: R.dtype)
    let block = LoopLayout(
      shape: reduced.map { shape[$0] }, strides: [reduced.map { strides[$0] }])
    let outer = LoopLayout(
      shape: outShape, strides: [kept.map { strides[$0] }, NDArray.contiguousStrides(outShape)])
    let base = UnsafePointer(pointer(as: T.self))
    let target = out.pointer(as: R.self)
    let blockSize = max(block.shape.reduce(1, *), 1)
    let rowLength = outer.rowLength
    let si = outer.strides[0][outer.shape.count - 1]
    let so = outer.strides[1][outer.shape.count - 1]
    Parallel.forRanges(outer.rowCount, alignment: 1, work: out.count * blockSize) { rows in
      outer.forEachRow(rows) { offsets in
        for i in 0..<rowLength {
          target[offsets[1] + i * so] = body(base + offsets[0] + i * si, block)
        }
      }
    }
    return withExtendedLifetime(self) { out }
  }

  private func sumOrProduct<T: NumericElement>(
    _ op: ReductionOp, _ kept: [Int], _ reduced: [Int], _ type: T.Type
  ) throws -> NDArray {
    let multiply = op == .prod
    if !multiply, kept.isEmpty, isContiguous, count >= Parallel.threshold {
      return NDArray(scalar: parallelPairwiseSum(UnsafePointer(pointer(as: T.self)), count))
    }
    return try reduceBlocks(kept, reduced, T.self) { block, layout -> T in
      let n = layout.rowLength
      let s = layout.strides[0][layout.shape.count - 1]
      var total: T = multiply ? .oneValue : .zeroValue
      layout.forEachRow(0..<layout.rowCount) { offsets in
        let row = block + offsets[0]
        if multiply {
          for i in 0..<n { total = T.times(total, row[i * s]) }
        } else {
          total = T.plus(total, pairwiseSum(row, n, s))
        }
      }
      return total
    }
  }

  private func extremum<T: NumericElement>(
    _ op: ReductionOp, _ kept: [Int], _ reduced: [Int], _ type: T.Type
  ) throws -> NDArray {
    let wantMax = op == .max || op == .argmax
    if op == .min || op == .max {
      return try reduceBlocks(kept, reduced, T.self) { block, layout -> T in
        var best = block[0]
        layout.forEachRow(0..<layout.rowCount) { offsets in
          let n = layout.rowLength
          let s = layout.strides[0][layout.shape.count - 1]
          let row = block + offsets[0]
          for i in 0..<n {
            let x = row[i * s]
            if x.isNaNValue || best.isNaNValue {
              if !best.isNaNValue { best = x }
            } else if wantMax ? x > best : x < best {
              best = x
            }
          }
        }
        return best
      }
    }
    // argmax/argmin count positions in the row-major order of the block.
    return try reduceBlocks(kept, reduced, T.self) { block, layout -> Int64 in
      var best = block[0]
      var bestIndex: Int64 = 0
      var position: Int64 = 0
      layout.forEachRow(0..<layout.rowCount) { offsets in
        let n = layout.rowLength
        let s = layout.strides[0][layout.shape.count - 1]
        let row = block + offsets[0]
        for i in 0..<n {
          let x = row[i * s]
          if best.isNaNValue {
          } else if x.isNaNValue || (wantMax ? x > best : x < best) {
            best = x
            bestIndex = position
          }
          position += 1
        }
      }
      return bestIndex
    }
  }

  /// Cumulative sum along `axis` (nil: over the flattened array).
  public func cumulativeSum(axis: Int?) throws -> NDArray {
    guard let axis else { return try raveled().cumulativeSum(axis: 0) }
    let resolved = try NDArray.normalizeAxis(axis, rank: ndim)
    let acc: DType = dtype.isFloatingPoint ? dtype : .int64
    let moved = try swappingAxes(resolved, ndim - 1).astype(acc)
    switch acc {
    case .float32: moved.runningSum(Float.self)
    case .float64: moved.runningSum(Double.self)
    default: moved.runningSum(Int64.self)
    }
    return try moved.swappingAxes(resolved, ndim - 1).copy()
  }

  private func runningSum<T: NumericElement>(_ type: T.Type) {
    let n = shape.last ?? 1
    guard n > 0 else { return }
    let base = pointer(as: T.self)
    for row in 0..<(count / n) {
      let p = base + row * n
      for i in 1..<max(n, 1) { p[i] = T.plus(p[i - 1], p[i]) }
    }
  }
}

/// NumPy's pairwise summation: eight running sums in blocks of 128,
/// halving above that, so float32 sums round as NumPy's do.
@inline(__always)
func pairwiseSum<T: NumericElement>(_ a: UnsafePointer<T>, _ n: Int, _ stride: Int) -> T {
  if stride == 1 && n > 8 {
    if T.self == Float.self {
      let sum = contiguousPairwiseSum(UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), n)
      return unsafeBitCast(sum, to: T.self)
    }
    if T.self == Double.self {
      let sum = contiguousPairwiseSum(UnsafeRawPointer(a).assumingMemoryBound(to: Double.self), n)
      return unsafeBitCast(sum, to: T.self)
    }
  }
  if n < 8 {
    var total = T.zeroValue
    for i in 0..<n { total = T.plus(total, a[i * stride]) }
    return total
  }
  if n <= 128 {
    var r0 = a[0], r1 = a[stride], r2 = a[2 * stride], r3 = a[3 * stride]
    var r4 = a[4 * stride], r5 = a[5 * stride], r6 = a[6 * stride], r7 = a[7 * stride]
    var i = 8
    let end = n - n % 8
    while i < end {
      r0 = T.plus(r0, a[i * stride])
      r1 = T.plus(r1, a[(i + 1) * stride])
      r2 = T.plus(r2, a[(i + 2) * stride])
      r3 = T.plus(r3, a[(i + 3) * stride])
      r4 = T.plus(r4, a[(i + 4) * stride])
      r5 = T.plus(r5, a[(i + 5) * stride])
      r6 = T.plus(r6, a[(i + 6) * stride])
      r7 = T.plus(r7, a[(i + 7) * stride])
      i += 8
    }
    var total = T.plus(
      T.plus(T.plus(r0, r1), T.plus(r2, r3)), T.plus(T.plus(r4, r5), T.plus(r6, r7)))
    while i < n {
      total = T.plus(total, a[i * stride])
      i += 1
    }
    return total
  }
  var half = n / 2
  half -= half % 8
  return T.plus(pairwiseSum(a, half, stride), pairwiseSum(a + half * stride, n - half, stride))
}

/// The pairwise sum of a large contiguous buffer, its two top-level halves
/// summed on separate cores (the same split, so the same result).
func parallelPairwiseSum<T: NumericElement>(_ a: UnsafePointer<T>, _ n: Int) -> T {
  var half = n / 2
  half -= half % 8
  let parts = UnsafeMutablePointer<T>.allocate(capacity: 2)
  defer { parts.deallocate() }
  let box = UnsafeSendableBox((a, parts))
  DispatchQueue.concurrentPerform(iterations: 2) { part in
    let (source, results) = box.value
    let start = part == 0 ? 0 : half
    let length = part == 0 ? half : n - half
    (results + part).initialize(to: pairwiseSum(source + start, length, 1))
  }
  return T.plus(parts[0], parts[1])
}

extension NDArray {
  /// The variance over `axes` with `ddof` delta degrees of freedom, as
  /// `np.var` computes it (mean, squared deviations, sum, divide).
  public func variance(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws
    -> NDArray
  {
    let values = dtype.isFloatingPoint ? self : try astype(.float64)
    let reduced = try reductionAxes(axes)
    let count = reduced.reduce(1) { $0 * shape[$1] }
    let mean = try values.reduce(.mean, axes: axes, keepdims: true)
    let centered = try NDArray.binary(.subtract, values, mean)
    let squares = try NDArray.binary(.multiply, centered, centered)
    let total = try squares.reduce(.sum, axes: axes, keepdims: keepdims)
    return try NDArray.binary(.trueDivide, .array(total), .float(Double(max(count - ddof, 0))))
  }

  /// The standard deviation: the square root of `variance`.
  public func standardDeviation(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false)
    throws -> NDArray
  {
    try variance(axes: axes, ddof: ddof, keepdims: keepdims).unary(.sqrt)
  }
}

/// `pairwiseSum` on a contiguous float buffer, its eight running sums held
/// in one vector (lane j adds elements j, j + 8, ... as NumPy's loop does).
func contiguousPairwiseSum<T: BinaryFloatingPoint & SIMDScalar>(_ a: UnsafePointer<T>, _ n: Int)
  -> T
{
  if n < 8 {
    var total: T = 0
    for i in 0..<n { total += a[i] }
    return total
  }
  if n <= 128 {
    let raw = UnsafeRawPointer(a)
    var r = raw.loadUnaligned(as: SIMD8<T>.self)
    var i = 8
    let end = n - n % 8
    while i < end {
      r += raw.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.stride, as: SIMD8<T>.self)
      i += 8
    }
    var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    while i < n {
      total += a[i]
      i += 1
    }
    return total
  }
  var half = n / 2
  half -= half % 8
  return contiguousPairwiseSum(a, half) + contiguousPairwiseSum(a + half, n - half)
}
