/// The layer a model's input comes through; it holds only the shape.
public final class InputLayer: Layer {
  /// The per-sample shape.
  public let shape: [Int]

  /// Makes an input for samples of `shape`.
  public init(shape: [Int], name: String?) {
    self.shape = shape
    super.init(name: name, className: "InputLayer")
    builtInputShape = shape
  }

  public override var className: String { "InputLayer" }
}
