import Language
import Networks
import Tensors

/// The version `tf.__version__` and `keras.__version__` report: mlscript's
/// own, since the networks run on mlscript's runtime.
let kerasRuntimeVersion = "0.1.0"

/// The `keras` module, which `tf.keras` is too.
func makeKerasModule() throws -> PyModule { KerasTree.shared.keras }

/// The module tree of Keras, made once and shared by `keras` and `tf.keras`.
final class KerasTree {
  nonisolated(unsafe) static let shared = KerasTree()

  let keras = PyModule("keras")
  let activations = PyModule("keras.activations")

  private init() {
    keras.define("__version__", .string(kerasRuntimeVersion))

    for kind in ActivationKernel.allCases {
      activations.define(kind.rawValue, .object(ActivationObject(kind)))
    }
    activations.function("get") { args in
      let a = try args.bind("get(identifier)")
      return .object(ActivationObject(try KerasArguments.activation(a["identifier"])))
    }
    keras.define("activations", .object(activations))

    let layers = PyModule("keras.layers")
    for layerClass in LayerClasses.classes() { layers.define(layerClass.name, .object(layerClass)) }
    keras.define("layers", .object(layers))

    let optimizers = PyModule("keras.optimizers")
    for optimizerClass in OptimizerObject.classes() {
      optimizers.define(optimizerClass.name, .object(optimizerClass))
    }
    keras.define("optimizers", .object(optimizers))

    let losses = PyModule("keras.losses")
    for lossClass in LossObject.classes() { losses.define(lossClass.name, .object(lossClass)) }
    keras.define("losses", .object(losses))

    let input = KerasClass("Input", path: "keras.src.layers.core.input_layer") { args in
      let a = try args.bind(
        "Input(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None,"
          + " name=None, tensor=None, optional=False)")
      guard let shape = a.optional("shape") else {
        throw PyError.valueError("You must pass a `shape` argument.")
      }
      var name: String?
      if let value = a.optional("name") { name = try value.str() }
      let tensor = try KerasTensor.input(shape: KerasArguments.shape(shape, "shape"), name: name)
      if let dtype = KerasArguments.inputFloatType(a.optional("dtype")) {
        try tensor.producer.setDType(dtype)
      }
      return .object(KerasTensorObject(tensor))
    }
    keras.define("Input", .object(input))
    layers.define("Input", .object(input))

    let model = KerasClass("Model", path: "keras.src.models.model") { args in
      let a = try args.bind("Model(inputs=None, outputs=None, name=None, **kwargs)")
      func single(_ key: String) throws -> KerasTensor {
        guard var value = a.optional(key) else {
          throw PyError.typeError("Model() needs `inputs` and `outputs`")
        }
        if let items = KerasArguments.items(value) {
          guard items.count == 1 else {
            throw PyError(.notImplementedError, "models with several \(key) are not supported")
          }
          value = items[0]
        }
        guard let tensor = value.object(as: KerasTensorObject.self) else {
          throw PyError.typeError(
            "`\(key)` must be a symbolic tensor from keras.Input or a layer call, not"
              + " \(value.typeName)")
        }
        return tensor.tensor
      }
      var name: String?
      if let value = a.optional("name") { name = try value.str() }
      let made = try Model(inputs: try single("inputs"), outputs: try single("outputs"), name: name)
      return .object(ModelObject.wrap(made))
    }
    let sequential = KerasClass("Sequential", path: "keras.src.models.sequential") { args in
      let a = try args.bind("Sequential(layers=None, trainable=True, name=None)")
      var items: [Value] = []
      if let value = a.optional("layers") {
        guard let list = KerasArguments.items(value) else {
          throw PyError.typeError("Sequential() expects a list of layers")
        }
        items = list
      }
      var name: String?
      if let value = a.optional("name") { name = try value.str() }
      return .object(try ModelObject.sequential(items, name: name))
    }
    keras.define("Model", .object(model))
    keras.define("Sequential", .object(sequential))
    let models = PyModule("keras.models")
    models.define("Model", .object(model))
    models.define("Sequential", .object(sequential))
    keras.define("models", .object(models))

    let utils = PyModule("keras.utils")
    utils.function("set_random_seed") { args in
      let a = try args.bind("set_random_seed(seed)")
      let seed = try a.int("seed")
      // Keras seeds NumPy's global generator as well as its own.
      // TODO: Python's `random` module is not seeded here yet.
      NetworkRandom.setSeed(UInt64(bitPattern: Int64(seed)))
      GlobalRandom.seed(UInt64(bitPattern: Int64(seed)))
      return .none
    }
    utils.function("to_categorical") { args in
      let a = try args.bind("to_categorical(x, num_classes=None)")
      return Value(array: try oneHot(a))
    }
    keras.define("utils", .object(utils))

    // `keras.config` and the older `keras.backend` both hold the default
    // float type.
    for path in ["config", "backend"] {
      let module = PyModule("keras.\(path)")
      module.function("floatx") { args in
        _ = try args.bind("floatx()")
        return .string(FloatPrecision.floatx.rawValue)
      }
      module.function("set_floatx") { args in
        let a = try args.bind("set_floatx(value)")
        let value = try a["value"]?.str() ?? ""
        guard ["float16", "bfloat16", "float32", "float64"].contains(value) else {
          throw PyError.valueError(
            "Unknown `floatx` value: \(value). Expected one of"
              + " {'bfloat16', 'float16', 'float32', 'float64'}")
        }
        guard let dtype = DType(rawValue: value) else {
          throw PyError(.notImplementedError, "floatx \(value) is not supported")
        }
        try FloatPrecision.setFloatx(dtype)
        return .none
      }
      module.function("epsilon") { args in
        _ = try args.bind("epsilon()")
        return .float(Loss.epsilon)
      }
      keras.define(path, .object(module))
    }
  }
}

/// `to_categorical(x, num_classes=None)`: float32 rows with a 1 in each
/// label's column; a trailing axis of size 1 in `x` is replaced.
private func oneHot(_ a: BoundArguments) throws -> NDArray {
  let labels = try (a["x"] ?? .none).asNDArray(context: "to_categorical() argument 'x'")
  let classes = try labels.astype(.int64).values(as: Int64.self).map { Int($0) }
  var shape = labels.shape
  if shape.count > 1 && shape.last == 1 { shape.removeLast() }
  let count: Int
  if let given = a.optional("num_classes") {
    count = try given.asInt(context: "to_categorical() argument 'num_classes'")
  } else {
    guard let largest = classes.max() else {
      throw PyError.valueError(
        "zero-size array to reduction operation maximum which has no identity")
    }
    count = largest + 1
  }
  guard count >= 0 else {
    throw PyError.valueError("negative dimensions are not allowed")
  }

  let result = try NDArray(zeros: shape + [count], dtype: .float32)
  let target = result.storage.bytes.assumingMemoryBound(to: Float.self)
  for (row, label) in classes.enumerated() {
    // Negative labels count from the end, as NumPy's indexing does.
    let column = label < 0 ? label + count : label
    guard column >= 0 && column < count else {
      throw PyError(.indexError, "index \(label) is out of bounds for axis 1 with size \(count)")
    }
    target[row * count + column] = 1
  }
  return result
}
