/// The iteration space of an element-wise operation over several operands
/// of one shape (broadcast strides already applied), with axes merged
/// wherever every operand is contiguous across them.
struct LoopLayout {
  /// Axis lengths after merging; never empty.
  var shape: [Int]
  /// Per operand, the strides after merging.
  var strides: [[Int]]

  /// Builds the merged layout of operands of `shape` with `strides`.
  init(shape: [Int], strides operands: [[Int]]) {
    // Nothing to visit: one empty row, so no loop walks the other axes.
    if shape.contains(0) {
      self.shape = [0]
      self.strides = operands.map { _ in [0] }
      return
    }
    var keptShape: [Int] = []
    var kept: [[Int]] = operands.map { _ in [] }
    for axis in shape.indices where shape[axis] != 1 {
      keptShape.append(shape[axis])
      for k in operands.indices { kept[k].append(operands[k][axis]) }
    }
    if keptShape.isEmpty {
      self.shape = [1]
      self.strides = operands.map { _ in [0] }
      return
    }
    var mergedShape = [keptShape[0]]
    var merged = kept.map { [$0[0]] }
    for axis in 1..<keptShape.count {
      let length = keptShape[axis]
      let last = mergedShape.count - 1
      let canMerge = kept.indices.allSatisfy { k in
        merged[k][last] == kept[k][axis] * length
      }
      if canMerge {
        mergedShape[last] *= length
        for k in kept.indices { merged[k][last] = kept[k][axis] }
      } else {
        mergedShape.append(length)
        for k in kept.indices { merged[k].append(kept[k][axis]) }
      }
    }
    self.shape = mergedShape
    self.strides = merged
  }

  /// The number of inner rows (product of all axes but the last).
  var rowCount: Int { shape.dropLast().reduce(1, *) }

  /// The length of the innermost axis.
  var rowLength: Int { shape[shape.count - 1] }

  /// Calls `body` with each operand's offset of the first element of rows
  /// `rows`, in order.
  @inline(__always)
  func forEachRow(_ rows: Range<Int>, _ body: ([Int]) -> Void) {
    guard !rows.isEmpty else { return }
    let outer = shape.count - 1
    var index = [Int](repeating: 0, count: outer)
    var offsets = [Int](repeating: 0, count: strides.count)
    var remainder = rows.lowerBound
    for axis in stride(from: outer - 1, through: 0, by: -1) {
      index[axis] = remainder % shape[axis]
      remainder /= shape[axis]
      for k in strides.indices { offsets[k] += index[axis] * strides[k][axis] }
    }
    for _ in rows {
      body(offsets)
      var axis = outer - 1
      while axis >= 0 {
        index[axis] += 1
        for k in strides.indices { offsets[k] += strides[k][axis] }
        if index[axis] < shape[axis] { break }
        for k in strides.indices { offsets[k] -= strides[k][axis] * shape[axis] }
        index[axis] = 0
        axis -= 1
      }
    }
  }
}

extension NDArray {
  /// A typed pointer to element `[0, 0, ...]`; the caller has checked the
  /// dtype matches `T`.
  @inline(__always)
  func pointer<T>(as type: T.Type) -> UnsafeMutablePointer<T> {
    storage.bytes.assumingMemoryBound(to: T.self) + offset
  }

  /// Makes a contiguous array whose elements the caller fills in.
  init(uninitialized shape: [Int], dtype: DType) throws {
    let count = try NDArray.elementCount(shape, dtype: dtype)
    let storage = try Storage(byteCount: count * dtype.itemSize, zeroed: false)
    self.init(
      storage: storage, dtype: dtype, shape: shape,
      strides: NDArray.contiguousStrides(shape))
  }
}

/// Computes a contiguous output of `count` elements, split across cores
/// when large: `body(range, target)` writes the elements of `range` to
/// `target[0..<range.count]`, which is the output or a buffer streamed to
/// it.
@inline(__always)
func forOutput<R>(
  _ out: UnsafeMutablePointer<R>, _ count: Int,
  _ body: (Range<Int>, UnsafeMutablePointer<R>) -> Void
) {
  if StreamingStores.applies(count, R.self) {
    Parallel.forRanges(count) { range in StreamingStores.fill(out, range, body) }
  } else {
    Parallel.forRanges(count) { range in body(range, out + range.lowerBound) }
  }
}

/// Applies `f` element-wise to two typed operands with broadcast strides,
/// writing a contiguous output.
@inline(__always)
func zipLoop<A, B, R>(
  _ a: UnsafePointer<A>, _ aStrides: [Int], _ b: UnsafePointer<B>, _ bStrides: [Int],
  _ out: UnsafeMutablePointer<R>, shape: [Int], _ f: (A, B) -> R
) {
  let layout = LoopLayout(
    shape: shape, strides: [aStrides, bStrides, NDArray.contiguousStrides(shape)])
  let n = layout.rowLength
  let last = layout.shape.count - 1
  let sa = layout.strides[0][last]
  let sb = layout.strides[1][last]
  let so = layout.strides[2][last]

  if layout.shape.count == 1 && so == 1 {
    // The common cases, kept free of strides so they vectorise.
    if sa == 1 && sb == 1 {
      forOutput(out, n) { range, target in
        let pa = a + range.lowerBound
        let pb = b + range.lowerBound
        for i in 0..<range.count { target[i] = f(pa[i], pb[i]) }
      }
      return
    }
    if sa == 0 && sb == 1 {
      let x = a[0]
      forOutput(out, n) { range, target in
        let pb = b + range.lowerBound
        for i in 0..<range.count { target[i] = f(x, pb[i]) }
      }
      return
    }
    if sa == 1 && sb == 0 {
      let y = b[0]
      forOutput(out, n) { range, target in
        let pa = a + range.lowerBound
        for i in 0..<range.count { target[i] = f(pa[i], y) }
      }
      return
    }
  }
  // Rows of a broadcast (a matrix plus a row or a column) are contiguous
  // or constant on each side: those loops get their own, vectorisable
  // bodies instead of one with strides.
  let contiguous = so == 1 && sa == 1 && sb == 1
  let rightConstant = so == 1 && sa == 1 && sb == 0
  let leftConstant = so == 1 && sa == 0 && sb == 1
  let perRow = max(n, 1)
  Parallel.forRanges(layout.rowCount * perRow, alignment: perRow) { range in
    let first = range.lowerBound / perRow
    let end = (range.upperBound + perRow - 1) / perRow
    layout.forEachRow(first..<end) { offsets in
      let pa = a + offsets[0]
      let pb = b + offsets[1]
      let po = out + offsets[2]
      if contiguous {
        for i in 0..<n { po[i] = f(pa[i], pb[i]) }
      } else if rightConstant {
        let y = pb[0]
        for i in 0..<n { po[i] = f(pa[i], y) }
      } else if leftConstant {
        let x = pa[0]
        for i in 0..<n { po[i] = f(x, pb[i]) }
      } else {
        for i in 0..<n { po[i * so] = f(pa[i * sa], pb[i * sb]) }
      }
    }
  }
}

/// Applies `f` element-wise to one typed operand, writing a contiguous
/// output.
@inline(__always)
func mapLoop<A, R>(
  _ a: UnsafePointer<A>, _ aStrides: [Int], _ out: UnsafeMutablePointer<R>,
  shape: [Int], _ f: (A) -> R
) {
  let layout = LoopLayout(
    shape: shape, strides: [aStrides, NDArray.contiguousStrides(shape)])
  let n = layout.rowLength
  let sa = layout.strides[0][layout.shape.count - 1]
  let so = layout.strides[1][layout.shape.count - 1]

  if layout.shape.count == 1 && sa == 1 && so == 1 {
    forOutput(out, n) { range, target in
      let pa = a + range.lowerBound
      for i in 0..<range.count { target[i] = f(pa[i]) }
    }
    return
  }
  let perRow = max(n, 1)
  Parallel.forRanges(layout.rowCount * perRow, alignment: perRow) { range in
    let first = range.lowerBound / perRow
    let end = (range.upperBound + perRow - 1) / perRow
    layout.forEachRow(first..<end) { offsets in
      let pa = a + offsets[0]
      let po = out + offsets[1]
      if sa == 1 && so == 1 {
        for i in 0..<n { po[i] = f(pa[i]) }
      } else {
        for i in 0..<n { po[i * so] = f(pa[i * sa]) }
      }
    }
  }
}
