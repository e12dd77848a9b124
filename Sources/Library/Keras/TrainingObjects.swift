import Language
import Networks
import Tensors

/// `keras.optimizers.Adam(...)` and its kin.
final class OptimizerObject: PyObject {
  let optimizer: Optimizer

  init(_ optimizer: Optimizer) { self.optimizer = optimizer }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("Optimizer") { t in
    t.property("learning_rate") { (o: OptimizerObject) in
      .float(o.optimizer.learningRate)
    } set: { (o: OptimizerObject, value) in
      o.optimizer.learningRate = try value.asDouble(context: "learning_rate")
    }
    t.property("iterations") { (o: OptimizerObject) in .int(o.optimizer.iterations) }
    t.property("name") { (o: OptimizerObject) in .string(o.optimizer.kind.rawValue.lowercased()) }
  }

  override func repr() throws -> String {
    "<keras.src.optimizers.\(optimizer.kind.rawValue.lowercased()).\(optimizer.kind.rawValue)"
      + " object>"
  }

  /// The optimizer classes by name.
  static func classes() -> [KerasClass] {
    let path = "keras.src.optimizers"
    return [
      KerasClass("Adam", path: path + ".adam") { args in
        let a = try args.bind(
          "Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-07, amsgrad=False,"
            + " name=None, **kwargs)")
        if try a.bool("amsgrad", default: false) {
          throw PyError(.notImplementedError, "Adam(amsgrad=True) is not supported")
        }
        return .object(
          OptimizerObject(
            Optimizer(
              .adam, learningRate: try a.double("learning_rate", default: 0.001),
              beta1: try a.double("beta_1", default: 0.9),
              beta2: try a.double("beta_2", default: 0.999),
              epsilon: try a.double("epsilon", default: 1e-7))))
      },
      KerasClass("SGD", path: path + ".sgd") { args in
        let a = try args.bind(
          "SGD(learning_rate=0.01, momentum=0.0, nesterov=False, name=None, **kwargs)")
        if try a.bool("nesterov", default: false) {
          throw PyError(.notImplementedError, "SGD(nesterov=True) is not supported")
        }
        let momentum = try a.double("momentum", default: 0)
        guard momentum >= 0, momentum <= 1 else {
          throw PyError.valueError("`momentum` must be a float between [0, 1].")
        }
        return .object(
          OptimizerObject(
            Optimizer(
              .sgd, learningRate: try a.double("learning_rate", default: 0.01),
              momentum: momentum)))
      },
      KerasClass("RMSprop", path: path + ".rmsprop") { args in
        let a = try args.bind(
          "RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-07, centered=False,"
            + " name=None, **kwargs)")
        if try a.bool("centered", default: false) {
          throw PyError(.notImplementedError, "RMSprop(centered=True) is not supported")
        }
        return .object(
          OptimizerObject(
            Optimizer(
              .rmsprop, learningRate: try a.double("learning_rate", default: 0.001),
              epsilon: try a.double("epsilon", default: 1e-7),
              momentum: try a.double("momentum", default: 0),
              rho: try a.double("rho", default: 0.9))))
      },
    ]
  }
}

/// `keras.losses.SparseCategoricalCrossentropy(from_logits=...)` and kin:
/// accepted by `compile` and callable on `(y_true, y_pred)`.
final class LossObject: PyObject {
  let loss: Loss
  let name: String

  init(_ loss: Loss, name: String) {
    self.loss = loss
    self.name = name
  }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("Loss") { t in
    t.property("name") { (o: LossObject) in .string(o.loss.kind.rawValue) }
    t.property("from_logits") { (o: LossObject) in .bool(o.loss.fromLogits) }
  }

  override func call(_ arguments: Arguments) throws -> Value {
    let a = try arguments.bind("__call__(y_true, y_pred, sample_weight=None)")
    guard let truth = a["y_true"], let predicted = a["y_pred"] else { return .none }
    if a.optional("sample_weight") != nil {
      throw PyError(.notImplementedError, "sample_weight is not supported")
    }
    let p = try predicted.asNDArray(context: "y_pred").contiguous(as: .float32)
    let t = try truth.asNDArray(context: "y_true").contiguous(as: .float32)
    let width = p.shape.last ?? 1
    let rows = max(p.count / max(width, 1), 1)
    let targetWidth = loss.kind == .sparseCategoricalCrossentropy ? 1 : width
    guard t.count == rows * targetWidth else {
      throw PyError.valueError(
        "y_true with shape \(formatShape(t.shape)) does not match y_pred with shape "
          + formatShape(p.shape))
    }
    let total = try loss.evaluate(
      p.values(as: Float.self), logits: loss.fromLogits, targets: t.values(as: Float.self),
      rows: rows, width: width, gradient: nil)
    let mean = Float(total / Double(rows))
    return Value(array: NDArray(scalar: mean), flavor: .tensor)
  }

  override func repr() throws -> String { "<keras.src.losses.losses.\(name) object>" }

  /// The loss classes by name.
  static func classes() -> [KerasClass] {
    let entries: [(String, Loss.Kind)] = [
      ("SparseCategoricalCrossentropy", .sparseCategoricalCrossentropy),
      ("CategoricalCrossentropy", .categoricalCrossentropy),
      ("BinaryCrossentropy", .binaryCrossentropy),
      ("MeanSquaredError", .meanSquaredError),
      ("MeanAbsoluteError", .meanAbsoluteError),
    ]
    return entries.map { name, kind in
      KerasClass(name, path: "keras.src.losses.losses") { args in
        let a = try args.bind(
          "\(name)(from_logits=False, reduction='sum_over_batch_size', name=None, **kwargs)")
        let reduction = try a.string("reduction", default: "sum_over_batch_size")
        guard reduction == "sum_over_batch_size" else {
          throw PyError(.notImplementedError, "only reduction='sum_over_batch_size' is supported")
        }
        return .object(
          LossObject(Loss(kind, fromLogits: try a.bool("from_logits", default: false)), name: name))
      }
    }
  }
}

/// What `fit` returns.
final class HistoryObject: PyObject {
  let history: History

  init(_ history: History) { self.history = history }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("History") { t in
    t.property("history") { (o: HistoryObject) in
      .object(PyDict(o.history.values.map { ($0.name, .list($0.values.map { .float($0) })) }))
    }
    t.property("epoch") { (o: HistoryObject) in .list(o.history.epochs.map { .int($0) }) }
    t.property("params") { (o: HistoryObject) in
      .object(
        PyDict([
          ("verbose", .int(o.history.verbose)), ("epochs", .int(o.history.plannedEpochs)),
          ("steps", .int(o.history.steps)),
        ]))
    }
  }

  override func repr() throws -> String { "<keras.src.callbacks.history.History object>" }
}
