import Language
import Networks
import Tensors

/// A Keras layer in the language: its settings as attributes, its
/// weights, and calls on symbolic tensors (building a graph) or on data.
final class LayerObject: PyObject {
  let layer: Layer

  private init(_ layer: Layer) { self.layer = layer }

  /// The one object that stands for `layer`, so that `is` and identity hold.
  static func wrap(_ layer: Layer) -> LayerObject {
    if let existing = layer.binding as? LayerObject { return existing }
    let object = LayerObject(layer)
    layer.binding = object
    return object
  }

  nonisolated(unsafe) private static var types: [String: PyType] = [:]

  override var type: PyType {
    if let known = Self.types[layer.className] { return known }
    let made = PyType(layer.className)
    Self.types[layer.className] = made
    return made
  }

  private static let common = [
    "name", "trainable", "dtype", "weights", "trainable_weights", "non_trainable_weights", "built",
    "get_weights", "set_weights", "count_params", "input_shape", "output_shape",
  ]

  override func attributeNames() -> [String] {
    var names = Self.common
    switch layer {
    case is Dense: names += ["units", "activation", "use_bias", "kernel", "bias"]
    case is Dropout: names += ["rate", "noise_shape", "seed"]
    case is Conv2D:
      names += ["filters", "kernel_size", "strides", "padding", "activation", "kernel", "bias"]
    case is Pooling2D: names += ["pool_size", "strides", "padding"]
    case is Activation: names += ["activation"]
    default: break
    }
    return names.sorted()
  }

  private func method(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
    .object(BuiltinFunction(name, body))
  }

  override func attribute(_ name: String) throws -> Value? {
    switch name {
    case "name": return .string(layer.name)
    case "trainable": return .bool(layer.trainable)
    case "built": return .bool(layer.isBuilt)
    case "dtype", "compute_dtype", "variable_dtype": return .string(layer.dtype.rawValue)
    case "weights":
      return .list(layer.variables.map { .object(VariableObject($0)) })
    case "trainable_weights":
      return .list(layer.trainable ? layer.variables.map { .object(VariableObject($0)) } : [])
    case "non_trainable_weights":
      return .list(layer.trainable ? [] : layer.variables.map { .object(VariableObject($0)) })
    case "get_weights":
      return method("get_weights") { [layer] _ in
        .list(try layer.weightArrays().map { Value(array: $0) })
      }
    case "set_weights":
      return method("set_weights") { [layer] args in
        let a = try args.bind("set_weights(weights)")
        guard let list = a["weights"].flatMap(KerasArguments.items) else {
          throw PyError.typeError("set_weights() expects a list of arrays")
        }
        try layer.setWeights(list.map { try $0.asNDArray(context: "weights") })
        return .none
      }
    case "count_params":
      return method("count_params") { [layer] _ in
        guard layer.isBuilt else {
          throw PyError.valueError(
            "You tried to call `count_params` on layer '\(layer.name)', but the layer"
              + " isn't built. You can build it manually via:"
              + " `\(layer.name).build(batch_input_shape)`.")
        }
        return .int(layer.parameterCount)
      }
    case "input_shape":
      guard let shape = layer.builtInputShape else { break }
      return KerasArguments.batchShape(shape)
    case "output_shape":
      guard let shape = layer.builtInputShape else { break }
      return KerasArguments.batchShape(try layer.outputShape(for: shape))
    default: break
    }
    if let value = try specific(name) { return value }
    return try super.attribute(name)
  }

  private func specific(_ name: String) throws -> Value? {
    func pair(_ p: (Int, Int)) -> Value { .tuple([.int(p.0), .int(p.1)]) }
    func weight(_ index: Int) -> Value? {
      let variables = layer.variables
      return index < variables.count ? .object(VariableObject(variables[index])) : Value.none
    }
    if let dense = layer as? Dense {
      switch name {
      case "units": return .int(dense.units)
      case "use_bias": return .bool(dense.useBias)
      case "activation": return .object(ActivationObject(dense.activation ?? .linear))
      case "kernel": return weight(0)
      case "bias": return dense.useBias ? weight(1) : Value.none
      default: return nil
      }
    }
    if let dropout = layer as? Dropout {
      switch name {
      case "rate": return .float(dropout.rate)
      case "seed": return dropout.seed.map { .int($0) } ?? Value.none
      case "noise_shape":
        guard let shape = dropout.noiseShape else { return Value.none }
        return .tuple(shape.map { $0.map { .int($0) } ?? Value.none })
      default: return nil
      }
    }
    if let conv = layer as? Conv2D {
      switch name {
      case "filters": return .int(conv.filters)
      case "kernel_size": return pair(conv.kernelSize)
      case "strides": return pair(conv.strides)
      case "padding": return .string(conv.padding)
      case "activation": return .object(ActivationObject(conv.activation ?? .linear))
      case "use_bias": return .bool(conv.useBias)
      case "kernel": return weight(0)
      case "bias": return conv.useBias ? weight(1) : Value.none
      default: return nil
      }
    }
    if let pool = layer as? Pooling2D {
      switch name {
      case "pool_size": return pair(pool.poolSize)
      case "strides": return pair(pool.strides)
      case "padding": return .string(pool.padding)
      default: return nil
      }
    }
    if let activation = layer as? Activation, name == "activation" {
      return .object(ActivationObject(activation.activation ?? .linear))
    }
    return nil
  }

  override func setAttribute(_ name: String, _ value: Value) throws {
    switch name {
    case "trainable": layer.trainable = try value.isTruthy()
    default:
      throw PyError(
        .attributeError, "attribute '\(name)' of '\(layer.className)' objects is not writable")
    }
  }

  override func call(_ arguments: Arguments) throws -> Value {
    let a = try arguments.bind("__call__(inputs, training=None, **kwargs)")
    guard let inputs = a["inputs"] else { return .none }
    if let symbolic = inputs.object(as: KerasTensorObject.self) {
      return .object(KerasTensorObject(try symbolic.tensor.applying(layer)))
    }
    if layer is InputLayer {
      throw PyError.typeError("an InputLayer is not called on data")
    }
    let training = try a.optional("training")?.isTruthy() ?? false
    let result = try layer.call(try inputs.asNDArray(context: "inputs"), training: training)
    return Value(array: result, flavor: .tensor)
  }

  override func repr() throws -> String { layer.repr }
}
