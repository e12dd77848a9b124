import CHDF5
import Tensors

/// An error reading or writing a data file; `kind` names the Python
/// exception it becomes (`FileNotFoundError`, `OSError`, `KeyError`, ...).
public struct DataFileError: Error, CustomStringConvertible, Sendable {
  /// The Python exception's class name.
  public var kind: String
  /// The message, naming the file.
  public var message: String

  /// Makes an error.
  public init(_ kind: String, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { "\(kind): \(message)" }
}

/// One layer's variables in a Keras 3 `.weights.h5` file.
public struct WeightsLayer: Sendable {
  /// The layer's group name in the file, such as `dense_1` or `conv2d`.
  public var key: String
  /// Its variables in Keras's order (kernel before bias).
  public var variables: [NDArray]

  /// Makes a layer entry.
  public init(key: String, variables: [NDArray]) {
    self.key = key
    self.variables = variables
  }
}

/// Keras 3's weight files: `model.save_weights` / `load_weights`.
public enum KerasWeights {
  /// Writes `layers` in Keras 3's layout, atomically.
  public static func save(_ layers: [WeightsLayer], to path: String) throws {
    // TODO: not written yet.
    throw DataFileError("NotImplementedError", "saving weights is not ready")
  }

  /// Reads every layer's variables, in the file's layer order.
  public static func load(from path: String) throws -> [WeightsLayer] {
    // TODO: not written yet.
    throw DataFileError("NotImplementedError", "loading weights is not ready")
  }
}

/// Reads a whole dataset of an HDF5 file, for tests and tools that need
/// no h5py surface: `readDataset("x", in: "mini_cifar.h5")`.
public func readDataset(_ name: String, in path: String) throws -> NDArray {
  // TODO: not written yet.
  throw DataFileError("NotImplementedError", "reading HDF5 is not ready")
}
