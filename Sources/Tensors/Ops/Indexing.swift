/// One component of a NumPy index expression `a[...]`.
public enum IndexItem {
  /// An integer position (negative counts from the end).
  case index(Int)
  /// `start:stop:step`, each optional.
  case slice(start: Int?, stop: Int?, step: Int?)
  /// `np.newaxis` / `None`.
  case newAxis
  /// `...`.
  case ellipsis
  /// An integer array (gathers along one axis) or a boolean mask.
  case array(NDArray)
}

/// The result of resolving an index: a view, plus the advanced indices
/// still to apply to it.
private struct ResolvedIndex {
  var view: NDArray
  /// View axes indexed by integer arrays, with their (bounds-checked)
  /// index arrays, in order.
  var advanced: [(axis: Int, indices: NDArray)]
}

extension NDArray {
  /// `self[items]`: a view for basic indices, a copy when integer arrays
  /// or masks take part.
  public func subscripted(_ items: [IndexItem]) throws -> NDArray {
    let resolved = try resolve(items)
    guard !resolved.advanced.isEmpty else { return resolved.view }
    return try gather(resolved)
  }

  /// `self[items] = value`, writing into this array's storage.
  public func assign(_ items: [IndexItem], _ value: NDArray) throws {
    let resolved = try resolve(items)
    guard !resolved.advanced.isEmpty else {
      try resolved.view.assign(value)
      return
    }
    try scatter(resolved, value)
  }

  private func resolve(_ items: [IndexItem]) throws -> ResolvedIndex {
    // Beside an integer array, integers index as 0-d arrays: that decides
    // where the broadcast axes land, as in NumPy.
    let hasArray = items.contains { if case .array = $0 { return true } else { return false } }
    let items = items.map { item -> IndexItem in
      if hasArray, case .index(let position) = item {
        return .array(NDArray(scalar: Int64(position)))
      }
      return item
    }
    var consumed = 0
    var ellipses = 0
    for item in items {
      switch item {
      case .index, .slice: consumed += 1
      case .array(let array): consumed += array.dtype == .bool ? max(array.ndim, 1) : 1
      case .newAxis: break
      case .ellipsis: ellipses += 1
      }
    }
    guard ellipses <= 1 else {
      throw TensorError(.indexError, "an index can only have a single ellipsis ('...')")
    }
    guard consumed <= ndim else {
      throw TensorError(
        .indexError,
        "too many indices for array: array is \(ndim)-dimensional, but \(consumed)"
          + " were indexed")
    }

    var newShape: [Int] = []
    var newStrides: [Int] = []
    var newOffset = offset
    var advanced: [(axis: Int, indices: NDArray)] = []
    var axis = 0
    var expanded = items
    if let at = expanded.firstIndex(where: {
      if case .ellipsis = $0 { return true } else { return false }
    }) {
      expanded.remove(at: at)
      expanded.insert(
        contentsOf: Array(
          repeating: IndexItem.slice(start: nil, stop: nil, step: nil),
          count: ndim - consumed), at: at)
    } else {
      expanded += Array(
        repeating: IndexItem.slice(start: nil, stop: nil, step: nil), count: ndim - consumed)
    }
    for item in expanded {
      switch item {
      case .newAxis:
        newShape.append(1)
        newStrides.append(0)
      case .ellipsis:
        break
      case .index(let position):
        let length = shape[axis]
        let resolved = position < 0 ? position + length : position
        guard resolved >= 0 && resolved < length else {
          throw TensorError(
            .indexError,
            "index \(position) is out of bounds for axis \(axis) with size \(length)")
        }
        newOffset += resolved * strides[axis]
        axis += 1
      case .slice(let start, let stop, let step):
        let (first, length, stepBy) = try NDArray.sliceBounds(
          start: start, stop: stop, step: step, length: shape[axis])
        newOffset += length > 0 ? first * strides[axis] : 0
        newShape.append(length)
        newStrides.append(strides[axis] * stepBy)
        axis += 1
      case .array(let array):
        if array.dtype == .bool {
          let maskAxes = max(array.ndim, 1)
          let mask = array.ndim == 0 ? try array.reshaped([1]) : array
          for k in 0..<mask.ndim where mask.shape[k] != shape[axis + k] {
            throw TensorError(
              .indexError,
              "boolean index did not match indexed array along axis \(axis + k); size of"
                + " axis is \(shape[axis + k]) but size of corresponding boolean axis is"
                + " \(mask.shape[k])")
          }
          let positions = try mask.nonzero()
          for k in 0..<maskAxes {
            advanced.append((newShape.count, positions[k]))
            newShape.append(shape[axis])
            newStrides.append(strides[axis])
            axis += 1
          }
        } else {
          guard array.dtype.isInteger else {
            throw TensorError(
              .indexError,
              "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and"
                + " integer or boolean arrays are valid indices")
          }
          let checked = try array.checkedIndices(length: shape[axis], axis: axis)
          advanced.append((newShape.count, checked))
          newShape.append(shape[axis])
          newStrides.append(strides[axis])
          axis += 1
        }
      }
    }
    let view = NDArray(
      storage: storage, dtype: dtype, shape: newShape, strides: newStrides, offset: newOffset)
    return ResolvedIndex(view: view, advanced: advanced)
  }

  /// Python's slice arithmetic: the first position, the element count and
  /// the step.
  public static func sliceBounds(start: Int?, stop: Int?, step: Int?, length: Int) throws
    -> (first: Int, count: Int, step: Int)
  {
    // Int.min cannot be negated; any step that large takes one element.
    let stepBy = max(step ?? 1, -Int.max)
    guard stepBy != 0 else { throw TensorError(.valueError, "slice step cannot be zero") }
    func clamp(_ value: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
      guard var v = value else { return fallback }
      if v < 0 { v += length }
      return min(max(v, low), high)
    }
    if stepBy > 0 {
      let first = clamp(start, 0, low: 0, high: length)
      let end = clamp(stop, length, low: 0, high: length)
      let count = end > first ? (end - first - 1) / stepBy + 1 : 0
      return (first, count, stepBy)
    }
    let first = clamp(start, length - 1, low: -1, high: length - 1)
    let end = clamp(stop, -1, low: -1, high: length - 1)
    let count = first > end ? (first - end - 1) / -stepBy + 1 : 0
    return (first, count, stepBy)
  }

  /// The index array as int64 with negatives resolved, or IndexError.
  private func checkedIndices(length: Int, axis: Int) throws -> NDArray {
    let values = try astype(.int64)
    let p = values.pointer(as: Int64.self)
    for i in 0..<values.count {
      let v = Int(p[i])
      let resolved = v < 0 ? v + length : v
      guard resolved >= 0 && resolved < length else {
        throw TensorError(
          .indexError, "index \(v) is out of bounds for axis \(axis) with size \(length)")
      }
      p[i] = Int64(resolved)
    }
    return values
  }

  /// The positions of nonzero elements, one int64 array per axis.
  public func nonzero() throws -> [NDArray] {
    let flags = try converted(to: .bool).contiguousArray()
    let p = flags.pointer(as: Bool.self)
    var hits: [Int] = []
    for i in 0..<flags.count where p[i] { hits.append(i) }
    let rank = max(ndim, 1)
    let dims = ndim == 0 ? [1] : shape
    var columns = [[Int64]](repeating: [], count: rank)
    for hit in hits {
      var rest = hit
      for axis in stride(from: rank - 1, through: 0, by: -1) {
        columns[axis].append(Int64(rest % dims[axis]))
        rest /= dims[axis]
      }
    }
    return try columns.map { try NDArray($0, shape: [hits.count]) }
  }

  /// Shape bookkeeping shared by gather and scatter: the broadcast index
  /// arrays, the result shape and how result axes map to B + R order.
  private func advancedPlan(_ resolved: ResolvedIndex) throws
    -> (indices: [NDArray], broadcast: [Int], rest: [Int], finalShape: [Int], order: [Int])
  {
    let axes = resolved.advanced.map(\.axis)
    let broadcast = try NDArray.broadcastShape(resolved.advanced.map(\.indices.shape))
    let indices = try resolved.advanced.map {
      try $0.indices.broadcast(to: broadcast).contiguousArray()
    }
    let rest = resolved.view.shape.indices.filter { !axes.contains($0) }
    let adjacent = zip(axes, axes.dropFirst()).allSatisfy { $1 == $0 + 1 }
    let b = broadcast.count
    let restShape = rest.map { resolved.view.shape[$0] }
    // Result in B + R order; `order` lists, for each final axis, its
    // position in that order.
    var order = Array(0..<(b + rest.count))
    var finalShape = broadcast + restShape
    if adjacent, let first = axes.first, first > 0 {
      let before = rest.filter { $0 < first }.count
      order = Array(b..<(b + before)) + Array(0..<b) + Array((b + before)..<(b + rest.count))
      finalShape = order.map { (broadcast + restShape)[$0] }
    }
    return (indices, broadcast, rest, finalShape, order)
  }

  private func gather(_ resolved: ResolvedIndex) throws -> NDArray {
    let plan = try advancedPlan(resolved)
    let view = resolved.view
    let restShape = plan.rest.map { view.shape[$0] }
    let restStrides = plan.rest.map { view.strides[$0] }
    let out = try NDArray(uninitialized: plan.broadcast + restShape, dtype: dtype)
    let blockCount = restShape.reduce(1, *)
    let count = plan.broadcast.reduce(1, *)
    let size = dtype.itemSize
    let pointers = plan.indices.map { $0.pointer(as: Int64.self) }
    defer { withExtendedLifetime(plan.indices) {} }
    let axisStrides = resolved.advanced.map { view.strides[$0.axis] }
    let restContiguous = NDArray.contiguousStrides(restShape) == restStrides || restShape.isEmpty

    for i in 0..<count {
      var source = view.offset
      for k in pointers.indices { source += Int(pointers[k][i]) * axisStrides[k] }
      if restContiguous {
        (out.storage.bytes + i * blockCount * size).copyMemory(
          from: storage.bytes + source * size, byteCount: blockCount * size)
      } else {
        var target = out
        target.shape = restShape
        target.strides = NDArray.contiguousStrides(restShape)
        target.offset = i * blockCount
        try target.assign(
          NDArray(
            storage: storage, dtype: dtype, shape: restShape, strides: restStrides,
            offset: source))
      }
    }
    guard plan.order != Array(plan.order.indices) else { return out }
    return try out.transposed(plan.order).copy()
  }

  private func scatter(_ resolved: ResolvedIndex, _ value: NDArray) throws {
    let plan = try advancedPlan(resolved)
    let view = resolved.view
    let restShape = plan.rest.map { view.shape[$0] }
    let restStrides = plan.rest.map { view.strides[$0] }
    var inverse = plan.order
    for (position, axis) in plan.order.enumerated() { inverse[axis] = position }
    let values = try value.converted(to: dtype).broadcast(to: plan.finalShape)
      .transposed(inverse).copy()
    let blockCount = restShape.reduce(1, *)
    let count = plan.broadcast.reduce(1, *)
    let pointers = plan.indices.map { $0.pointer(as: Int64.self) }
    defer { withExtendedLifetime(plan.indices) {} }
    let axisStrides = resolved.advanced.map { view.strides[$0.axis] }
    let size = dtype.itemSize
    for i in 0..<count {
      var target = view.offset
      for k in pointers.indices { target += Int(pointers[k][i]) * axisStrides[k] }
      if restShape.isEmpty {
        (storage.bytes + target * size).copyMemory(
          from: values.storage.bytes + i * size, byteCount: size)
        continue
      }
      let destination = NDArray(
        storage: storage, dtype: dtype, shape: restShape, strides: restStrides, offset: target)
      var source = values
      source.shape = restShape
      source.strides = NDArray.contiguousStrides(restShape)
      source.offset = i * blockCount
      try destination.assign(source)
    }
  }
}
