import Tensors

/// A growable, aligned block of float32 values that training reuses from
/// batch to batch, so that steady-state steps allocate nothing.
public final class FloatBuffer: @unchecked Sendable {
  /// The first value.
  public private(set) var pointer: UnsafeMutablePointer<Float>
  /// How many values fit without growing.
  public private(set) var capacity: Int

  /// Makes a buffer of `count` zeros.
  public init(count: Int = 0) {
    capacity = max(count, 1)
    pointer = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
    pointer.initialize(repeating: 0, count: capacity)
  }

  deinit { pointer.deallocate() }

  /// Makes sure `count` values fit; the contents are lost when it grows.
  /// Throws MemoryError above the runtime's allocation limit.
  public func reserve(_ count: Int) throws {
    guard count > capacity else { return }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
    guard !overflow, bytes <= Storage.allocationLimit else {
      throw TensorError(
        .memoryError, "Unable to allocate \(Storage.describe(bytes: bytes)) for training")
    }
    pointer.deallocate()
    pointer = UnsafeMutablePointer<Float>.allocate(capacity: count)
    pointer.initialize(repeating: 0, count: count)
    capacity = count
  }

  /// Sets the first `count` values to zero.
  public func zero(_ count: Int) { pointer.update(repeating: 0, count: min(count, capacity)) }
}

/// A weight of a layer (a kernel or a bias) with its gradient.
public final class Variable {
  /// `kernel` or `bias`.
  public let name: String
  /// The layer that owns it, for the variable's path.
  public unowned let layer: Layer
  /// The weight's shape, such as `(in, out)` for a Dense kernel.
  public let shape: [Int]
  /// The values, row-major.
  public let value: FloatBuffer
  /// The gradient of the last backward pass.
  public let gradient: FloatBuffer
  /// The number of values.
  public let count: Int

  /// Makes a variable of zeros.
  public init(name: String, layer: Layer, shape: [Int]) throws {
    self.name = name
    self.layer = layer
    self.shape = shape
    count = try NDArray.elementCount(shape, dtype: .float32)
    value = FloatBuffer(count: count)
    gradient = FloatBuffer(count: count)
  }

  /// `layer_name/kernel`, as Keras prints a variable's path.
  public var path: String { "\(layer.name)/\(name)" }

  /// The values as a float32 array.
  public func array() throws -> NDArray {
    try NDArray(Array(UnsafeBufferPointer(start: value.pointer, count: count)), shape: shape)
  }

  /// Replaces the values; throws ValueError when the shape differs.
  public func assign(_ array: NDArray) throws {
    guard array.shape == shape else {
      throw TensorError(
        .valueError,
        "Variable \(path) has shape \(formatShape(shape)), but the value has shape "
          + formatShape(array.shape))
    }
    try array.withFloat32Buffer { source in
      if let base = source.baseAddress { value.pointer.update(from: base, count: count) }
    }
  }
}
