import Tensors

/// A symbolic tensor of the functional API: the shape of what a layer
/// produces (batch axis left open) and where it came from.
public final class KerasTensor {
  /// The per-sample shape; the batch axis is `None`.
  public let shape: [Int]
  /// The layer that produced it.
  public let producer: Layer
  /// The tensor the producer was called on; nil for a model's input.
  public let source: KerasTensor?

  /// Makes a model input, as `keras.Input(shape, name)` does.
  public static func input(shape: [Int], name: String?) throws -> KerasTensor {
    for length in shape where length <= 0 {
      throw TensorError(
        .valueError, "Input shape \(formatShapeWithBatch(shape)) has a non-positive size")
    }
    return KerasTensor(shape: shape, producer: InputLayer(shape: shape, name: name), source: nil)
  }

  init(shape: [Int], producer: Layer, source: KerasTensor?) {
    self.shape = shape
    self.producer = producer
    self.source = source
  }

  /// Calls `layer` on this tensor: builds the layer and returns its output.
  public func applying(_ layer: Layer) throws -> KerasTensor {
    if layer is InputLayer {
      throw TensorError(.typeError, "an InputLayer cannot be called on a tensor")
    }
    try layer.ensureBuilt(shape)
    let output = try layer.outputShape(for: shape)
    _ = try layer.sampleCount(output)
    return KerasTensor(shape: output, producer: layer, source: self)
  }

  /// `<KerasTensor shape=(None, 64), dtype=float32, sparse=False, name=keras_tensor_3>`.
  public var repr: String {
    "<KerasTensor shape=\(formatShapeWithBatch(shape)), dtype=\(producer.dtype.rawValue),"
      + " sparse=False,"
      + " name=\(producer.name)>"
  }
}
