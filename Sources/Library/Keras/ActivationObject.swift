import Language
import Networks
import Tensors

/// An activation function as `tf.nn.relu` or `keras.activations.softmax`
/// presents it: callable on data, and accepted as `activation=`.
final class ActivationObject: PyObject {
  let kind: ActivationKernel

  init(_ kind: ActivationKernel) { self.kind = kind }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("function")

  override func call(_ arguments: Arguments) throws -> Value {
    let a = try arguments.bind("\(kind.rawValue)(x, axis=-1)")
    guard let x = a["x"] else { throw PyError.typeError("missing x") }
    let layer = Activation(kind, name: "activation_call")
    let result = try layer.call(try x.asNDArray(context: "x"), training: false)
    return Value(array: result, flavor: .tensor)
  }

  override func repr() throws -> String { "<function \(kind.rawValue)>" }
}

/// The symbolic tensor of the functional API.
final class KerasTensorObject: PyObject {
  let tensor: KerasTensor

  init(_ tensor: KerasTensor) { self.tensor = tensor }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("KerasTensor") { t in
    t.property("shape") { (o: KerasTensorObject) in KerasArguments.batchShape(o.tensor.shape) }
    t.property("dtype") { (o: KerasTensorObject) in .string(o.tensor.producer.dtype.rawValue) }
    t.property("ndim") { (o: KerasTensorObject) in .int(o.tensor.shape.count + 1) }
    t.property("name") { (o: KerasTensorObject) in .string(o.tensor.producer.name) }
  }

  override func repr() throws -> String { tensor.repr }
}

/// A layer's weight, as Keras 3 shows it.
final class VariableObject: PyObject {
  let variable: Variable

  init(_ variable: Variable) { self.variable = variable }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("Variable") { t in
    t.property("name") { (o: VariableObject) in .string(o.variable.name) }
    t.property("path") { (o: VariableObject) in .string(o.variable.path) }
    t.property("shape") { (o: VariableObject) in .tuple(o.variable.shape.map { .int($0) }) }
    t.property("dtype") { (o: VariableObject) in .string(o.variable.dtype.rawValue) }
    t.property("trainable") { (o: VariableObject) in .bool(o.variable.layer.trainable) }
    t.method("numpy") { (o: VariableObject, _) in Value(array: try o.variable.array()) }
    t.method("assign") { (o: VariableObject, args) in
      let a = try args.bind("assign(value)")
      guard let value = a["value"] else { return .none }
      try o.variable.assign(try value.asNDArray(context: "value"))
      return .none
    }
  }

  override func repr() throws -> String {
    let value = try NDArrayObject(try variable.array()).str()
    return "<Variable path=\(variable.path), shape=\(formatShape(variable.shape)),"
      + " dtype=\(variable.dtype.rawValue), value=\(value)>"
  }
}

/// A Keras class (`Dense`, `Adam`, `Model`): called to make an instance.
final class KerasClass: PyObject {
  let name: String
  let path: String
  let make: (Arguments) throws -> Value

  init(_ name: String, path: String, _ make: @escaping (Arguments) throws -> Value) {
    self.name = name
    self.path = path
    self.make = make
  }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("type")

  override func call(_ arguments: Arguments) throws -> Value { try make(arguments) }

  override func attribute(_ member: String) throws -> Value? {
    if member == "__name__" { return .string(name) }
    return try super.attribute(member)
  }

  override func repr() throws -> String { "<class '\(path).\(name)'>" }
}
