import Language
import Tensors

/// An array as the language sees it: a NumPy `ndarray`, or a `tf.Tensor`
/// when Keras returned it (which prints as TensorFlow does and has
/// `.numpy()`).
public final class NDArrayObject: PyObject {
  /// Which Python type the array presents itself as.
  public enum Flavor: Sendable {
    case ndarray
    case tensor
  }

  /// The array.
  public var array: NDArray
  /// Whether it is an ndarray or a tf.Tensor.
  public let flavor: Flavor

  /// Wraps an array.
  public init(_ array: NDArray, flavor: Flavor = .ndarray) {
    self.array = array
    self.flavor = flavor
  }

  public override var type: PyType { flavor == .tensor ? Self.tensorType : Self.ndarrayType }

  /// The `ndarray` type; the NumPy bindings declare its members.
  nonisolated(unsafe) public static var ndarrayType = PyType("ndarray")
  /// The `tf.Tensor` type (`EagerTensor`).
  nonisolated(unsafe) public static var tensorType = PyType("EagerTensor")
}

extension Value {
  /// Wraps an array; 0-d arrays become NumPy scalars (`np.float64(0.5)`).
  public init(array: NDArray, flavor: NDArrayObject.Flavor = .ndarray) {
    // TODO: 0-d arrays should become NumPy scalar objects.
    self = .object(NDArrayObject(array, flavor: flavor))
  }

  /// The value as an array: arrays as they are, numbers and (nested)
  /// lists or tuples of numbers converted as `np.asarray` does.
  public func asNDArray(context: String = "argument") throws -> NDArray {
    if let object = object(as: NDArrayObject.self) { return object.array }
    // TODO: nested lists, scalars and dtype inference as np.asarray.
    throw PyError.typeError("\(context) must be an array, not '\(typeName)'")
  }
}
