extension NDArray {
  /// The storage offset of every element, in row-major order.
  public func elementOffsets() -> [Int] {
    var offsets = [Int]()
    offsets.reserveCapacity(count)
    forEachOffset { offsets.append($0) }
    return offsets
  }

  /// Calls `body` with the storage offset of each element in row-major order.
  @inlinable
  public func forEachOffset(_ body: (Int) -> Void) {
    let total = count
    guard total > 0 else { return }
    if shape.isEmpty {
      body(offset)
      return
    }
    var index = [Int](repeating: 0, count: shape.count)
    var position = offset
    let last = shape.count - 1
    for _ in 0..<total {
      body(position)
      var axis = last
      while axis >= 0 {
        index[axis] += 1
        position += strides[axis]
        if index[axis] < shape[axis] { break }
        position -= strides[axis] * shape[axis]
        index[axis] = 0
        axis -= 1
      }
    }
  }

  /// Reads the element at a storage offset as a Double.
  @inlinable
  public func double(atOffset position: Int) -> Double {
    let base = storage.bytes
    switch dtype {
    case .bool: return base.load(fromByteOffset: position, as: Bool.self) ? 1 : 0
    case .uint8: return Double(base.load(fromByteOffset: position, as: UInt8.self))
    case .int32:
      return Double(base.load(fromByteOffset: position * 4, as: Int32.self))
    case .int64:
      return Double(base.load(fromByteOffset: position * 8, as: Int64.self))
    case .float32:
      return Double(base.load(fromByteOffset: position * 4, as: Float.self))
    case .float64: return base.load(fromByteOffset: position * 8, as: Double.self)
    }
  }

  /// Reads the element at a storage offset as an Int64: exact for integer
  /// dtypes, cast as `astype` casts for the others.
  public func integer(atOffset position: Int) -> Int64 {
    let base = storage.bytes
    switch dtype {
    case .bool: return base.load(fromByteOffset: position, as: Bool.self) ? 1 : 0
    case .uint8: return Int64(base.load(fromByteOffset: position, as: UInt8.self))
    case .int32: return Int64(base.load(fromByteOffset: position * 4, as: Int32.self))
    case .int64: return base.load(fromByteOffset: position * 8, as: Int64.self)
    case .float32, .float64: return Int64(castingFrom: double(atOffset: position))
    }
  }

  /// Every element as `T`, in row-major order, cast as NumPy's astype does.
  public func values<T: Element>(as type: T.Type = T.self) -> [T] {
    if dtype == T.dtype && isContiguous {
      let start = storage.bytes.advanced(by: offset * dtype.itemSize)
      let typed = start.bindMemory(to: T.self, capacity: count)
      return Array(UnsafeBufferPointer(start: typed, count: count))
    }
    var result = [T]()
    result.reserveCapacity(count)
    forEachOffset { result.append(T(castingFrom: double(atOffset: $0))) }
    return result
  }

  /// A contiguous copy with elements cast to `dtype`, or self when it
  /// already is one.
  public func contiguous(as target: DType? = nil) throws -> NDArray {
    let wanted = target ?? dtype
    if wanted == dtype && isContiguous && offset == 0 { return self }
    switch wanted {
    case .bool: return try NDArray(values(as: Bool.self), shape: shape)
    case .uint8: return try NDArray(values(as: UInt8.self), shape: shape)
    case .int32: return try NDArray(values(as: Int32.self), shape: shape)
    case .int64: return try NDArray(values(as: Int64.self), shape: shape)
    case .float32: return try NDArray(values(as: Float.self), shape: shape)
    case .float64: return try NDArray(values(as: Double.self), shape: shape)
    }
  }

  /// Calls `body` with the elements of a contiguous float32 copy (or of
  /// self when it already is one).
  public func withFloat32Buffer<R>(
    _ body: (UnsafeBufferPointer<Float>) throws -> R
  ) throws -> R {
    let source = try contiguous(as: .float32)
    let start = source.storage.bytes.advanced(by: source.offset * 4)
      .bindMemory(to: Float.self, capacity: source.count)
    return try withExtendedLifetime(source) {
      try body(UnsafeBufferPointer(start: start, count: source.count))
    }
  }
}
