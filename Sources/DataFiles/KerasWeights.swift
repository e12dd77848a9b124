import Foundation
import Tensors

/// One layer's variables in a Keras 3 `.weights.h5` file.
public struct WeightsLayer: Sendable {
  /// The layer's group name in the file, such as `dense_1` or `conv2d`.
  public var key: String
  /// Its variables in Keras's order (kernel before bias).
  public var variables: [NDArray]
  /// The layer's own name (the `vars` group's `name` attribute), such as
  /// `output_1` for the group `dense_3`; nil when unknown.
  public var name: String?

  /// Makes a layer entry.
  public init(key: String, variables: [NDArray], name: String? = nil) {
    self.key = key
    self.variables = variables
    self.name = name
  }
}

/// Keras 3's weight files: `model.save_weights` / `load_weights`.
///
/// The layout: `layers/<key>/vars/<i>` holds variable `i` of each layer
/// (float32, contiguous), every `vars` group carries a `name` attribute,
/// and `vars` at the root names the model.
public enum KerasWeights {
  /// Writes `layers` in Keras 3's layout, atomically: the file appears
  /// under `path` only once it is complete. `optimizer`, when given,
  /// goes to `optimizer/vars` as Keras writes a compiled model's state.
  public static func save(
    _ layers: [WeightsLayer], to path: String, modelName: String = "functional",
    optimizer: WeightsLayer? = nil
  ) throws {
    let file = try HDF5File(path, mode: .create)
    do {
      let root = file.root
      for layer in layers {
        guard !layer.key.isEmpty, !layer.key.hasPrefix("/") else {
          throw DataFileError("ValueError", "a layer needs a group name, not '\(layer.key)'")
        }
        let vars = try root.createGroup("layers/\(layer.key)/vars")
        try write(layer.variables, name: layer.name ?? layer.key, into: vars)
      }
      if let optimizer {
        let vars = try root.createGroup("optimizer/vars")
        try write(optimizer.variables, name: optimizer.name ?? optimizer.key, into: vars)
      }
      let vars = try root.createGroup("vars")
      try vars.attributes.set("name", string: modelName)
    } catch {
      file.discard()
      throw error
    }
    try file.close()
  }

  private static func write(_ variables: [NDArray], name: String, into vars: HDF5Group) throws {
    try vars.attributes.set("name", string: name)
    for (index, variable) in variables.enumerated() {
      try vars.createDataset(String(index), array: variable)
    }
  }

  /// Reads every layer's variables, in the file's layer order (HDF5's
  /// name order: `conv2d`, `conv2d_1`, `dense`, ...); layers without
  /// variables (InputLayer, Flatten, pooling) come with none. Callers
  /// match layers by `key`.
  public static func load(from path: String) throws -> [WeightsLayer] {
    let file = try HDF5File(path, mode: .read)
    defer { file.discard() }
    let root = file.root
    guard try root.contains("layers") else {
      let legacy = try root.contains("model_weights") || root.attributes.contains("layer_names")
      let hint =
        legacy
        ? "it looks like a Keras 2 (.h5) file; save it again with Keras 3's save_weights"
        : "it has no 'layers' group"
      throw DataFileError("ValueError", "'\(path)' is not a Keras 3 weights file: \(hint)")
    }
    let layers = try root.group("layers")
    var result: [WeightsLayer] = []
    for key in try layers.keys() {
      guard try layers.contains("\(key)/vars") else {
        result.append(WeightsLayer(key: key, variables: []))
        continue
      }
      let vars = try layers.group("\(key)/vars")
      var name: String? = nil
      if try vars.attributes.contains("name"),
        case .strings(let names, _) = try vars.attributes.get("name")
      {
        name = names.first
      }
      let indices = try vars.keys().compactMap { Int($0) }.sorted()
      var variables: [NDArray] = []
      for index in indices {
        variables.append(try vars.dataset(String(index)).readArray())
      }
      result.append(WeightsLayer(key: key, variables: variables, name: name))
    }
    return result
  }
}
