import DataFiles
import Language
import Networks
import Support
import Tensors

/// A Keras model in the language: `summary`, `compile`, `fit`,
/// `evaluate`, `predict`, its layers and weights, and calls on data.
final class ModelObject: PyObject {
  let model: Model
  private var historyObject: HistoryObject?

  private init(_ model: Model) { self.model = model }

  /// The one object that stands for `model`.
  static func wrap(_ model: Model) -> ModelObject {
    if let existing = model.binding as? ModelObject { return existing }
    let object = ModelObject(model)
    model.binding = object
    return object
  }

  override var type: PyType { model.isSequential ? Self.sequentialType : Self.functionalType }
  static let functionalType = PyType("Functional", doc: nil, declare)
  static let sequentialType = PyType("Sequential") { t in
    declare(t)
    t.method("add") { (o: ModelObject, args) in
      let a = try args.bind("add(layer, rebuild=True)")
      guard let value = a["layer"] else { return .none }
      try o.model.add(try layer(from: value))
      return .none
    }
    t.method("pop") { (_: ModelObject, _) in
      throw PyError(.notImplementedError, "Sequential.pop() is not supported")
    }
  }

  private static func layer(from value: Value) throws -> Layer {
    if let object = value.object(as: LayerObject.self) { return object.layer }
    if let tensor = value.object(as: KerasTensorObject.self), tensor.tensor.source == nil {
      return tensor.tensor.producer
    }
    throw PyError.typeError(
      "Only instances of `keras.Layer` can be added to a Sequential model. Received: "
        + (try value.repr()))
  }

  /// Makes a Sequential model of the given layers.
  static func sequential(_ values: [Value], name: String?) throws -> ModelObject {
    let layers = try values.map(layer(from:))
    return wrap(try Model(sequential: layers, name: name))
  }

  private static func declare(_ t: PyType) {
    t.property("name") { (o: ModelObject) in .string(o.model.name) }
    t.property("layers") { (o: ModelObject) in
      .list(o.model.layers.map { .object(LayerObject.wrap($0)) })
    }
    t.property("weights") { (o: ModelObject) in
      .list(o.model.variables.map { .object(VariableObject($0)) })
    }
    t.property("trainable_weights") { (o: ModelObject) in
      .list(o.model.trainableVariables.map { .object(VariableObject($0)) })
    }
    t.property("built") { (o: ModelObject) in .bool(o.model.isBuilt) }
    t.property(
      "trainable", get: { (o: ModelObject) in .bool(o.model.stack.contains { $0.trainable }) },
      set: { (o: ModelObject, value) in
        let flag = try value.isTruthy()
        for layer in o.model.stack { layer.trainable = flag }
      })
    t.property("history") { (o: ModelObject) in
      guard let history = o.model.history else { return .none }
      return .object(o.wrapHistory(history))
    }
    t.property("optimizer") { (o: ModelObject) in
      o.model.optimizer.map { .object(OptimizerObject($0)) } ?? .none
    }
    t.property("input_shape") { (o: ModelObject) in
      guard let input = o.model.inputLayer else {
        throw PyError(.attributeError, "The model has not been built yet.")
      }
      return KerasArguments.batchShape(input.shape)
    }
    t.property("output_shape") { (o: ModelObject) in
      guard let output = o.model.outputShape else {
        throw PyError(.attributeError, "The model has not been built yet.")
      }
      return KerasArguments.batchShape(output)
    }
    t.property("metrics_names") { (o: ModelObject) in
      .list((["loss"] + o.model.metricNames).map { .string($0) })
    }
    t.method("summary") { (o: ModelObject, args) in
      let a = try args.bind(
        "summary(line_length=None, positions=None, print_fn=None, expand_nested=False,"
          + " show_trainable=False, layer_range=None)")
      let console = Console.shared
      let length = try a.optional("line_length").map { try $0.asInt(context: "line_length") }
      // Each of the three columns needs at least 4 characters, as Keras checks.
      guard (length ?? min(88, console.width - 4)) >= 20 else {
        throw PyError.valueError("Insufficient console width to print summary.")
      }
      console.write(
        o.model.summaryText(width: console.width, color: console.usesColor, lineLength: length))
      return .none
    }
    t.method("compile") { (o: ModelObject, args) in
      try o.compile(args)
      return .none
    }
    t.method("fit") { (o: ModelObject, args) in try o.fit(args) }
    t.method("evaluate") { (o: ModelObject, args) in
      let a = try args.bind(
        "evaluate(x=None, y=None, batch_size=None, verbose='auto', sample_weight=None,"
          + " steps=None, callbacks=None, return_dict=False, **kwargs)")
      guard let x = a.optional("x"), let y = a.optional("y") else {
        throw PyError.valueError("evaluate() needs x and y arrays")
      }
      let results = try o.model.evaluate(
        x: try x.asNDArray(context: "x"), y: try y.asNDArray(context: "y"),
        batchSize: try a.int("batch_size", default: 32),
        verbose: try KerasArguments.verbose(a.optional("verbose")))
      let names = ["loss"] + o.model.metricNames
      if try a.bool("return_dict", default: false) {
        return .object(PyDict(zip(names, results).map { ($0, .float($1)) }))
      }
      if results.count == 1 { return .float(results[0]) }
      return .list(results.map { .float($0) })
    }
    t.method("predict") { (o: ModelObject, args) in
      let a = try args.bind(
        "predict(x, batch_size=None, verbose='auto', steps=None, callbacks=None)")
      guard let x = a["x"] else { return .none }
      let result = try o.model.predict(
        x: try x.asNDArray(context: "x"), batchSize: try a.int("batch_size", default: 32),
        verbose: try KerasArguments.verbose(a.optional("verbose")))
      return Value(array: result)
    }
    t.method("get_layer") { (o: ModelObject, args) in
      let a = try args.bind("get_layer(name=None, index=None)")
      if let index = a.optional("index") {
        let layers = o.model.layers
        let i = try index.asInt(context: "index")
        guard i >= 0, i < layers.count else {
          throw PyError.valueError(
            "Was asked to retrieve layer at index \(i) but model only has \(layers.count)"
              + " layers.")
        }
        return .object(LayerObject.wrap(layers[i]))
      }
      let name = try a.string("name")
      return .object(LayerObject.wrap(try o.model.layer(named: name)))
    }
    t.method("count_params") { (o: ModelObject, _) in .int(try o.model.countParams()) }
    t.method("get_weights") { (o: ModelObject, _) in
      .list(try o.model.variables.map { Value(array: try $0.array()) })
    }
    t.method("set_weights") { (o: ModelObject, args) in
      let a = try args.bind("set_weights(weights)")
      guard let list = a["weights"].flatMap(KerasArguments.items) else {
        throw PyError.typeError("set_weights() expects a list of arrays")
      }
      let variables = o.model.variables
      guard list.count == variables.count else {
        throw PyError.valueError(
          "You called `set_weights(weights)` on model \(o.model.name) with a weight list of"
            + " length \(list.count), but the model was expecting \(variables.count) weights.")
      }
      for (variable, value) in zip(variables, list) {
        try variable.assign(try value.asNDArray(context: "weights"))
      }
      return .none
    }
    t.method("save_weights") { (o: ModelObject, args) in
      let a = try args.bind("save_weights(filepath, overwrite=True)")
      let path = try a.string("filepath")
      guard path.hasSuffix(".weights.h5") else {
        throw PyError.valueError(
          "The filename must end in `.weights.h5`. Received: filepath=\(path)")
      }
      let entries = try o.model.weightFileKeys().map { key, layer in
        WeightsLayer(key: key, variables: try layer.weightArrays(), name: layer.name)
      }
      try KerasWeights.save(entries, to: path, modelName: o.model.name)
      return .none
    }
    t.method("load_weights") { (o: ModelObject, args) in
      let a = try args.bind("load_weights(filepath, skip_mismatch=False)")
      let path = try a.string("filepath")
      let stored = try KerasWeights.load(from: path)
      for (key, layer) in o.model.weightFileKeys() where !layer.variables.isEmpty {
        guard let entry = stored.first(where: { $0.key == key }) else {
          throw PyError.valueError(
            "Layer '\(layer.name)' expected \(layer.variables.count) variables, but received"
              + " 0 variables during loading (no group '\(key)' in \(path)).")
        }
        try layer.setWeights(entry.variables)
      }
      return .none
    }
  }

  func wrapHistory(_ history: History) -> HistoryObject {
    if let existing = historyObject, existing.history === history { return existing }
    let made = HistoryObject(history)
    historyObject = made
    return made
  }

  private func compile(_ args: Arguments) throws {
    let a = try args.bind(
      "compile(optimizer='rmsprop', loss=None, loss_weights=None, metrics=None,"
        + " weighted_metrics=None, run_eagerly=False, steps_per_execution=1, jit_compile='auto',"
        + " auto_scale_loss=True)")
    var optimizer = Optimizer(.rmsprop)
    if let value = a.optional("optimizer") {
      if let object = value.object(as: OptimizerObject.self) {
        optimizer = object.optimizer
      } else if case .string(let name) = value, let named = Optimizer(named: name) {
        optimizer = named
      } else {
        throw PyError.valueError(
          "Could not interpret optimizer identifier: \(try value.str())")
      }
    }
    var loss: Loss?
    if let value = a.optional("loss") {
      if let object = value.object(as: LossObject.self) {
        loss = object.loss
      } else if case .string(let name) = value {
        loss = try Loss(named: name)
      } else {
        throw PyError.valueError("Could not interpret loss identifier: \(try value.str())")
      }
    }
    var metrics: [String] = []
    if let value = a.optional("metrics") {
      guard let items = KerasArguments.items(value) else {
        throw PyError.typeError(
          "Expected `metrics` argument to be a list, tuple, or dict. Received instead:"
            + " metrics=\(try value.repr())")
      }
      for item in items {
        guard case .string(let name) = item else {
          throw PyError(.notImplementedError, "metrics are given by name ('accuracy', 'mse')")
        }
        metrics.append(name)
      }
    }
    try model.compile(optimizer: optimizer, loss: loss, metrics: metrics)
  }

  private func fit(_ args: Arguments) throws -> Value {
    let a = try args.bind(
      "fit(x=None, y=None, batch_size=None, epochs=1, verbose='auto', callbacks=None,"
        + " validation_split=0.0, validation_data=None, shuffle=True, class_weight=None,"
        + " sample_weight=None, initial_epoch=0, steps_per_epoch=None, validation_steps=None,"
        + " validation_batch_size=None, validation_freq=1)")
    for unsupported in ["callbacks", "class_weight", "sample_weight", "steps_per_epoch"]
    where a.optional(unsupported) != nil {
      throw PyError(.notImplementedError, "fit(\(unsupported)=...) is not supported")
    }
    guard let x = a.optional("x"), let y = a.optional("y") else {
      throw PyError.valueError("fit() needs x and y arrays")
    }
    var options = FitOptions()
    options.epochs = try a.int("epochs", default: 1)
    options.batchSize = try a.int("batch_size", default: 32)
    options.verbose = try KerasArguments.verbose(a.optional("verbose"))
    options.validationSplit = try a.double("validation_split", default: 0)
    options.shuffle = try a.bool("shuffle", default: true)
    if let validation = a.optional("validation_data") {
      guard let parts = KerasArguments.items(validation), parts.count == 2 else {
        throw PyError.valueError("validation_data must be a tuple (x_val, y_val)")
      }
      options.validationData = (
        try parts[0].asNDArray(context: "validation_data"),
        try parts[1].asNDArray(context: "validation_data")
      )
    }
    let history = try model.fit(
      x: try x.asNDArray(context: "x"), y: try y.asNDArray(context: "y"), options: options)
    return .object(wrapHistory(history))
  }

  override func call(_ arguments: Arguments) throws -> Value {
    let a = try arguments.bind("__call__(inputs, training=None, mask=None)")
    guard let inputs = a["inputs"] else { return .none }
    if inputs.object(as: KerasTensorObject.self) != nil {
      throw PyError(
        .notImplementedError, "calling a model on a symbolic tensor is not supported")
    }
    let training = try a.optional("training")?.isTruthy() ?? false
    let result = try model.call(try inputs.asNDArray(context: "inputs"), training: training)
    return Value(array: result, flavor: .tensor)
  }

  override func repr() throws -> String {
    "<\(model.isSequential ? "Sequential" : "Functional") name=\(model.name),"
      + " built=\(model.isBuilt ? "True" : "False")>"
  }
}
