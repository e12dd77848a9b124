extension NDArray {
  /// A copy with elements converted to `target` as NumPy's `astype` does
  /// (always a new array, even for the same dtype).
  public func astype(_ target: DType) throws -> NDArray {
    let out = try NDArray(uninitialized: shape, dtype: target)
    switch dtype {
    case .bool: castElements(from: Bool.self, into: out)
    case .uint8: castElements(from: UInt8.self, into: out)
    case .int32: castElements(from: Int32.self, into: out)
    case .int64: castElements(from: Int64.self, into: out)
    case .float32: castElements(from: Float.self, into: out)
    case .float64: castElements(from: Double.self, into: out)
    }
    return out
  }

  /// A copy of the array (contiguous, same dtype).
  public func copy() throws -> NDArray { try astype(dtype) }

  /// Self when it already has `target` dtype, else a converted copy.
  public func converted(to target: DType) throws -> NDArray {
    target == dtype ? self : try astype(target)
  }

  /// Self when contiguous from its storage start, else a contiguous copy.
  public func contiguousArray() throws -> NDArray {
    isContiguous ? self : try copy()
  }

  private func castElements<S: Element>(from source: S.Type, into out: NDArray) {
    let input = UnsafePointer(pointer(as: S.self))
    switch out.dtype {
    case .bool:
      mapLoop(input, strides, out.pointer(as: Bool.self), shape: shape) {
        $0.doubleValue != 0
      }
    case .uint8: castLoop(input, out, to: UInt8.self)
    case .int32: castLoop(input, out, to: Int32.self)
    case .int64: castLoop(input, out, to: Int64.self)
    case .float32: castLoop(input, out, to: Float.self)
    case .float64: castLoop(input, out, to: Double.self)
    }
  }

  private func castLoop<S: Element, T: Element>(
    _ input: UnsafePointer<S>, _ out: NDArray, to: T.Type
  ) {
    if S.self == T.self, let same = input as? UnsafePointer<T> {
      mapLoop(same, strides, out.pointer(as: T.self), shape: shape) { $0 }
    } else if S.self == Int64.self, T.self == Int32.self {
      // Wrap like C instead of going through Double, which loses bits.
      mapLoop(
        UnsafeRawPointer(input).assumingMemoryBound(to: Int64.self), strides,
        out.pointer(as: Int32.self), shape: shape
      ) { Int32(truncatingIfNeeded: $0) }
    } else {
      mapLoop(input, strides, out.pointer(as: T.self), shape: shape) {
        T(castingFrom: $0.doubleValue)
      }
    }
  }
}
