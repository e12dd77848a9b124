/// An n-dimensional array: a typed, strided view of a `Storage`.
///
/// Basic slicing, reshaping and transposing make new views of the same
/// storage, so writing through a view changes the original, as in NumPy.
public struct NDArray: @unchecked Sendable {
  /// The type of every element.
  public internal(set) var dtype: DType
  /// The length of each axis.
  public internal(set) var shape: [Int]
  /// The distance, in elements, between neighbours along each axis.
  public internal(set) var strides: [Int]
  /// Where element `[0, 0, ...]` sits in the storage, in elements.
  public internal(set) var offset: Int
  /// The memory this array views.
  public internal(set) var storage: Storage

  /// Makes a view with explicit layout; the caller keeps it inside storage.
  public init(
    storage: Storage, dtype: DType, shape: [Int], strides: [Int], offset: Int = 0
  ) {
    self.storage = storage
    self.dtype = dtype
    self.shape = shape
    self.strides = strides
    self.offset = offset
  }

  /// Makes a contiguous array of zeros, or throws MemoryError.
  public init(zeros shape: [Int], dtype: DType) throws {
    let count = try NDArray.elementCount(shape, dtype: dtype)
    let storage = try Storage(byteCount: count * dtype.itemSize)
    self.init(
      storage: storage, dtype: dtype, shape: shape,
      strides: NDArray.contiguousStrides(shape))
  }

  /// Makes a contiguous array from row-major values.
  public init<T: Element>(_ values: [T], shape: [Int]) throws {
    let count = try NDArray.elementCount(shape, dtype: T.dtype)
    guard count == values.count else {
      throw TensorError(
        .valueError,
        "cannot reshape array of size \(values.count) into shape "
          + formatShape(shape))
    }
    try self.init(zeros: shape, dtype: T.dtype)
    let target = storage.bytes.bindMemory(to: T.self, capacity: count)
    values.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { target.update(from: base, count: count) }
    }
  }

  /// Makes a 0-d array holding one value.
  public init<T: Element>(scalar value: T) {
    // A single element never exceeds the allocation limit.
    let storage = (try? Storage(byteCount: T.dtype.itemSize)) ?? Storage.empty
    storage.bytes.storeBytes(of: value, as: T.self)
    self.init(storage: storage, dtype: T.dtype, shape: [], strides: [])
  }

  /// The number of axes.
  public var ndim: Int { shape.count }

  /// The number of elements.
  public var count: Int {
    // An empty axis may sit after lengths whose product leaves the Int range.
    shape.contains(0) ? 0 : shape.reduce(1, *)
  }

  /// Whether the elements lie in row-major order with no gaps.
  public var isContiguous: Bool {
    var expected = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      if shape[axis] != 1 && strides[axis] != expected { return false }
      expected *= shape[axis]
    }
    return true
  }

  /// Row-major strides, in elements, for a contiguous array of `shape`.
  public static func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
      strides[axis] = step

      // Only an array with no elements can overflow here (elementCount rejects
      // the rest), and its strides are never followed.
      let (next, overflow) = step.multipliedReportingOverflow(by: max(shape[axis], 1))
      step = overflow ? Int.max : next
    }
    return strides
  }

  /// Checks a shape and returns its element count, throwing ValueError for
  /// negative lengths and MemoryError when the bytes would not fit.
  public static func elementCount(_ shape: [Int], dtype: DType) throws -> Int {
    let (bytes, empty) = try layoutBytes(shape, dtype: dtype)
    if empty {
      guard bytes != nil else { throw tooBig() }
      return 0
    }
    guard let bytes, bytes <= Storage.allocationLimit else {
      throw memoryError(shape, dtype: dtype)
    }
    return bytes / dtype.itemSize
  }

  /// Throws ValueError unless a view of `shape` can be addressed: the
  /// bytes of its non-empty axes must fit in an Int, since its strides and
  /// element count are products of those lengths.
  public static func checkAddressable(_ shape: [Int], dtype: DType) throws {
    guard try layoutBytes(shape, dtype: dtype).bytes != nil else { throw tooBig() }
  }

  /// The bytes the non-empty axes span (nil past Int.max) and whether any
  /// axis is empty; throws ValueError for a negative length.
  private static func layoutBytes(_ shape: [Int], dtype: DType) throws -> (
    bytes: Int?, empty: Bool
  ) {
    var bytes: Int? = dtype.itemSize
    var empty = false
    for length in shape {
      guard length >= 0 else {
        throw TensorError(.valueError, "negative dimensions are not allowed")
      }
      if length == 0 {
        empty = true
      } else if let current = bytes {
        let (product, overflow) = current.multipliedReportingOverflow(by: length)
        bytes = overflow ? nil : product
      }
    }
    return (bytes, empty)
  }

  private static func tooBig() -> TensorError {
    TensorError(
      .valueError,
      "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum"
        + " possible size.")
  }

  private static func memoryError(_ shape: [Int], dtype: DType) -> TensorError {
    var bytes = Double(dtype.itemSize)
    for length in shape { bytes *= Double(length) }
    let size = bytes >= Double(Int.max) ? "\(bytes) B" : Storage.describe(bytes: Int(bytes))
    return TensorError(
      .memoryError,
      "Unable to allocate \(size) for an array with shape \(formatShape(shape))"
        + " and data type \(dtype.rawValue)")
  }
}

/// Formats a shape as NumPy prints it: `(3,)`, `(2, 3)`, `()`.
public func formatShape(_ shape: [Int]) -> String {
  if shape.count == 1 { return "(\(shape[0]),)" }
  return "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

extension Storage {
  /// A zero-byte storage for arrays with no elements.
  static let empty: Storage = {
    // Zero bytes is always below the limit; the fallback is unreachable.
    if let storage = try? Storage(byteCount: 0) { return storage }
    preconditionFailure("cannot allocate an empty storage")
  }()
}
