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

/// Reads a whole dataset of an HDF5 file, for tests and tools that need
/// no h5py surface: `readDataset("x", in: "mini_cifar.h5")`.
public func readDataset(_ name: String, in path: String) throws -> NDArray {
  let file = try HDF5File(path, mode: .read)
  defer { file.discard() }
  return try file.root.dataset(name).readArray()
}
