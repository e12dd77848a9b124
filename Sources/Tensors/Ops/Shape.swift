extension NDArray {
  /// Resolves a possibly negative axis against `rank`, as NumPy does.
  public static func normalizeAxis(_ axis: Int, rank: Int) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard resolved >= 0 && resolved < rank else {
      throw TensorError(
        .valueError, "axis \(axis) is out of bounds for array of dimension \(rank)")
    }
    return resolved
  }

  /// The array with a new shape (one length may be -1); a view when the
  /// layout allows, else a copy.
  public func reshaped(_ newShape: [Int]) throws -> NDArray {
    let resolved = try resolveShape(newShape)
    if isContiguous {
      return NDArray(
        storage: storage, dtype: dtype, shape: resolved,
        strides: NDArray.contiguousStrides(resolved), offset: offset)
    }
    let dense = try copy()
    return NDArray(
      storage: dense.storage, dtype: dtype, shape: resolved,
      strides: NDArray.contiguousStrides(resolved))
  }

  private func resolveShape(_ newShape: [Int]) throws -> [Int] {
    let unknown = newShape.indices.filter { newShape[$0] == -1 }
    guard unknown.count <= 1 else {
      throw TensorError(.valueError, "can only specify one unknown dimension")
    }
    var known = 1
    for length in newShape where length != -1 {
      guard length >= 0 else {
        throw TensorError(.valueError, "negative dimensions not allowed")
      }
      let (product, overflow) = known.multipliedReportingOverflow(by: length)
      guard !overflow else { throw reshapeError(newShape) }
      known = product
    }
    var resolved = newShape
    if let slot = unknown.first {
      guard known != 0, count % known == 0 else { throw reshapeError(newShape) }
      resolved[slot] = count / known
    } else if known != count {
      throw reshapeError(newShape)
    }
    return resolved
  }

  private func reshapeError(_ newShape: [Int]) -> TensorError {
    TensorError(
      .valueError,
      "cannot reshape array of size \(count) into shape \(formatShape(newShape))")
  }

  /// The axes permuted (reversed when `axes` is nil); always a view.
  public func transposed(_ axes: [Int]? = nil) throws -> NDArray {
    let order =
      try axes.map { list -> [Int] in
        guard list.count == ndim else {
          throw TensorError(.valueError, "axes don't match array")
        }
        let resolved = try list.map { try NDArray.normalizeAxis($0, rank: ndim) }
        guard Set(resolved).count == ndim else {
          throw TensorError(.valueError, "repeated axis in transpose")
        }
        return resolved
      } ?? Array((0..<ndim).reversed())
    return NDArray(
      storage: storage, dtype: dtype, shape: order.map { shape[$0] },
      strides: order.map { strides[$0] }, offset: offset)
  }

  /// Two axes exchanged; a view.
  public func swappingAxes(_ first: Int, _ second: Int) throws -> NDArray {
    var order = Array(0..<ndim)
    order.swapAt(
      try NDArray.normalizeAxis(first, rank: ndim), try NDArray.normalizeAxis(second, rank: ndim))
    return try transposed(order)
  }

  /// Length-1 axes removed (all of them, or those in `axes`); a view.
  public func squeezed(_ axes: [Int]? = nil) throws -> NDArray {
    var drop = Set<Int>()
    if let axes {
      for axis in axes {
        let resolved = try NDArray.normalizeAxis(axis, rank: ndim)
        guard shape[resolved] == 1 else {
          throw TensorError(
            .valueError, "cannot select an axis to squeeze out which has size not equal to one")
        }
        drop.insert(resolved)
      }
    } else {
      drop = Set(shape.indices.filter { shape[$0] == 1 })
    }
    let keep = shape.indices.filter { !drop.contains($0) }
    return NDArray(
      storage: storage, dtype: dtype, shape: keep.map { shape[$0] },
      strides: keep.map { strides[$0] }, offset: offset)
  }

  /// A length-1 axis inserted at `axis` (negative counts from the end of
  /// the result); a view.
  public func expandingDims(_ axis: Int) throws -> NDArray {
    let position = try NDArray.normalizeAxis(axis, rank: ndim + 1)
    var newShape = shape
    var newStrides = strides
    newShape.insert(1, at: position)
    newStrides.insert(0, at: position)
    return NDArray(
      storage: storage, dtype: dtype, shape: newShape, strides: newStrides, offset: offset)
  }

  /// A 1-d copy of the elements in row-major order.
  public func flattened() throws -> NDArray { try copy().reshaped([count]) }

  /// A 1-d view when possible, else a copy.
  public func raveled() throws -> NDArray { try reshaped([count]) }

  /// Joins arrays along an existing axis (nil flattens them first).
  public static func concatenate(_ arrays: [NDArray], axis: Int? = 0) throws -> NDArray {
    guard let first = arrays.first else {
      throw TensorError(.valueError, "need at least one array to concatenate")
    }
    guard let axis else {
      return try concatenate(arrays.map { try $0.raveled() }, axis: 0)
    }
    guard first.ndim > 0 else {
      throw TensorError(.valueError, "zero-dimensional arrays cannot be concatenated")
    }
    let resolved = try normalizeAxis(axis, rank: first.ndim)
    var dtype = first.dtype
    var total = 0
    for (index, array) in arrays.enumerated() {
      guard array.ndim == first.ndim else {
        throw TensorError(
          .valueError,
          "all the input array dimensions except for the concatenation axis must match"
            + " exactly, but along dimension 0, the array at index 0 has \(first.ndim)"
            + " dimension(s) and the array at index \(index) has \(array.ndim) dimension(s)")
      }
      for d in 0..<first.ndim where d != resolved && array.shape[d] != first.shape[d] {
        throw TensorError(
          .valueError,
          "all the input array dimensions except for the concatenation axis must match"
            + " exactly, but along dimension \(d), the array at index 0 has size"
            + " \(first.shape[d]) and the array at index \(index) has size \(array.shape[d])")
      }
      dtype = DType.promote(dtype, array.dtype)
      total += array.shape[resolved]
    }
    var outShape = first.shape
    outShape[resolved] = total
    let out = try NDArray(zeros: outShape, dtype: dtype)
    var start = 0
    for array in arrays {
      let length = array.shape[resolved]
      var target = out
      target.shape[resolved] = length
      target.offset = start * out.strides[resolved]
      try target.assign(array)
      start += length
    }
    return out
  }

  /// Joins arrays of one shape along a new axis.
  public static func stack(_ arrays: [NDArray], axis: Int = 0) throws -> NDArray {
    guard let first = arrays.first else {
      throw TensorError(.valueError, "need at least one array to stack")
    }
    for array in arrays where array.shape != first.shape {
      throw TensorError(.valueError, "all input arrays must have the same shape")
    }
    let position = try normalizeAxis(axis, rank: first.ndim + 1)
    return try concatenate(arrays.map { try $0.expandingDims(position) }, axis: position)
  }

  /// Writes `source` (broadcast to this view's shape, cast to its dtype)
  /// into the elements this view covers.
  public func assign(_ source: NDArray) throws {
    let values = try source.converted(to: dtype).broadcast(to: shape)
    let ordered =
      values.storage === storage ? try values.copy() : values
    switch dtype {
    case .bool: copyElements(from: ordered, Bool.self)
    case .uint8: copyElements(from: ordered, UInt8.self)
    case .int32: copyElements(from: ordered, Int32.self)
    case .int64: copyElements(from: ordered, Int64.self)
    case .float32: copyElements(from: ordered, Float.self)
    case .float64: copyElements(from: ordered, Double.self)
    }
  }

  private func copyElements<T>(from source: NDArray, _ type: T.Type) {
    let layout = LoopLayout(shape: shape, strides: [strides, source.strides])
    let out = pointer(as: T.self)
    let input = source.pointer(as: T.self)
    let n = layout.rowLength
    let last = layout.shape.count - 1
    let so = layout.strides[0][last]
    let si = layout.strides[1][last]
    layout.forEachRow(0..<layout.rowCount) { offsets in
      let po = out + offsets[0]
      let pi = input + offsets[1]
      // Contiguous rows and broadcast scalars go through memmove and fill,
      // several times faster than a strided loop over large arrays.
      if so == 1 && si == 1 {
        po.update(from: pi, count: n)
      } else if so == 1 && si == 0 {
        po.update(repeating: pi[0], count: n)
      } else {
        for i in 0..<n { po[i * so] = pi[i * si] }
      }
    }
  }
}
