import Tensors

/// A growable, aligned block of float32 or float64 values that training
/// reuses from batch to batch, so that steady-state steps allocate nothing.
public final class FloatBuffer: @unchecked Sendable {
  private var raw: UnsafeMutableRawPointer
  private var byteCapacity: Int

  /// Makes a buffer of `count` zeros of `T` (float32 unless given).
  public init<T: KernelScalar>(count: Int = 0, of type: T.Type = Float.self) {
    byteCapacity = max(count, 1) * MemoryLayout<T>.stride
    raw = UnsafeMutableRawPointer.allocate(byteCount: byteCapacity, alignment: 16)
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: byteCapacity)
  }

  deinit { raw.deallocate() }

  /// The start of the values, untyped.
  public var bytes: UnsafeMutableRawPointer { raw }

  /// The first value, as float32.
  public var pointer: UnsafeMutablePointer<Float> { typed(Float.self) }

  /// The first value, as `T`.
  @inline(__always)
  public func typed<T: KernelScalar>(_ type: T.Type) -> UnsafeMutablePointer<T> {
    raw.bindMemory(to: T.self, capacity: byteCapacity / MemoryLayout<T>.stride)
  }

  /// How many float32 values fit without growing.
  public var capacity: Int { byteCapacity / 4 }

  /// Makes sure `count` float32 values fit; the contents are lost when it
  /// grows. Throws MemoryError above the runtime's allocation limit.
  public func reserve(_ count: Int) throws { try reserve(count, of: Float.self) }

  /// Makes sure `count` values of `T` fit; the contents are lost when it
  /// grows. Throws MemoryError above the runtime's allocation limit.
  public func reserve<T: KernelScalar>(_ count: Int, of type: T.Type) throws {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
    guard bytes > byteCapacity else { return }
    guard !overflow, bytes <= Storage.allocationLimit else {
      throw TensorError(
        .memoryError, "Unable to allocate \(Storage.describe(bytes: bytes)) for training")
    }
    raw.deallocate()
    raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
    raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    byteCapacity = bytes
  }

  /// Makes sure `count` values of `dtype` (float32 or float64) fit.
  public func reserve(_ count: Int, dtype: DType) throws {
    if dtype == .float64 { try reserve(count, of: Double.self) } else { try reserve(count) }
  }

  /// Sets the first `count` float32 values to zero.
  public func zero(_ count: Int) { pointer.update(repeating: 0, count: min(count, capacity)) }
}

/// A weight of a layer (a kernel or a bias) with its gradient, in the
/// layer's dtype.
public final class Variable {
  /// `kernel` or `bias`.
  public let name: String
  /// The layer that owns it, for the variable's path.
  public unowned let layer: Layer
  /// The weight's shape, such as `(in, out)` for a Dense kernel.
  public let shape: [Int]
  /// float32 or float64.
  public let dtype: DType
  /// The values, row-major.
  public let value: FloatBuffer
  /// The gradient of the last backward pass.
  public let gradient: FloatBuffer
  /// The number of values.
  public let count: Int

  /// Makes a variable of zeros in the layer's dtype.
  public init(name: String, layer: Layer, shape: [Int]) throws {
    self.name = name
    self.layer = layer
    self.shape = shape
    dtype = layer.dtype
    count = try NDArray.elementCount(shape, dtype: dtype)
    value = FloatBuffer()
    gradient = FloatBuffer()
    try value.reserve(count, dtype: dtype)
    try gradient.reserve(count, dtype: dtype)
  }

  /// `layer_name/kernel`, as Keras prints a variable's path.
  public var path: String { "\(layer.name)/\(name)" }

  /// The bytes the values take.
  public var byteCount: Int { count * dtype.itemSize }

  /// The values as an array of the variable's dtype.
  public func array() throws -> NDArray {
    if dtype == .float64 {
      return try NDArray(
        Array(UnsafeBufferPointer(start: value.typed(Double.self), count: count)), shape: shape)
    }
    return try NDArray(Array(UnsafeBufferPointer(start: value.pointer, count: count)), shape: shape)
  }

  /// Replaces the values, cast to the variable's dtype; throws ValueError
  /// when the shape differs.
  public func assign(_ array: NDArray) throws {
    guard array.shape == shape else {
      throw TensorError(
        .valueError,
        "Variable \(path) has shape \(formatShape(shape)), but the value has shape "
          + formatShape(array.shape))
    }
    if dtype == .float64 {
      let values = try array.contiguous(as: .float64).values(as: Double.self)
      value.typed(Double.self).update(from: values, count: count)
      return
    }
    try array.withFloat32Buffer { source in
      if let base = source.baseAddress { value.pointer.update(from: base, count: count) }
    }
  }
}
