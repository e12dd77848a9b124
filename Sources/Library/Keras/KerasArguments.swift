import Language
import Networks
import Support
import Tensors

#if canImport(Glibc)
  import Glibc
#endif

/// Reading Keras's argument forms: shapes, `(h, w)` pairs, activations,
/// verbosity.
enum KerasArguments {
  /// A layer's `dtype=` argument: float32 or float64, nil when absent;
  /// NotImplementedError for the half-precision types.
  static func floatType(_ value: Value?) throws -> DType? {
    guard let value, !value.isNone else { return nil }
    if case .string(let name) = value, name == "float16" || name == "bfloat16" {
      throw PyError(.notImplementedError, "dtype=\(name) is not supported")
    }
    let dtype = try parseDType(value)
    guard dtype == .float32 || dtype == .float64 else {
      throw PyError.valueError("Invalid dtype: \(dtype.rawValue); a layer computes in floats")
    }
    return dtype
  }
  /// An input's `dtype=`: float32 or float64 when given one; other types
  /// (integer inputs) are read as floatx, since the layers compute in floats.
  static func inputFloatType(_ value: Value?) -> DType? {
    guard let value, !value.isNone, let dtype = try? parseDType(value) else { return nil }
    return dtype == .float32 || dtype == .float64 ? dtype : nil
  }

  /// The items of a tuple or list, or nil for anything else.
  static func items(_ value: Value) -> [Value]? {
    if let tuple = value.object(as: PyTuple.self) { return tuple.items }
    if let list = value.object(as: PyList.self) { return list.items }
    return nil
  }

  /// A shape: an int or a tuple/list of positive ints.
  static func shape(_ value: Value, _ context: String) throws -> [Int] {
    let parts = items(value) ?? [value]
    let shape = try parts.map { part in
      if part.isNone {
        throw PyError(
          .notImplementedError,
          "\(context): only fixed sizes are supported in a shape, not None")
      }
      let size = try part.asInt(context: context)
      guard size > 0 else {
        throw PyError.valueError("\(context) must hold positive sizes, received \(size)")
      }
      return size
    }

    // Layers multiply the sizes together, so their product must be countable.
    guard (try? NDArray.checkAddressable(shape, dtype: .float64)) != nil else {
      throw PyError.valueError(
        "\(context) \(try value.repr()) holds more values per sample than 64-bit sizes"
          + " can count")
    }
    return shape
  }

  /// `5` or `(5, 3)` as a pair of positive ints.
  static func pair(_ value: Value, _ context: String) throws -> (Int, Int) {
    if let parts = items(value) {
      guard parts.count == 2 else {
        throw PyError.valueError(
          "The `\(context)` argument must be a tuple of 2 integers. Received: \(try value.repr())"
        )
      }
      return (try parts[0].asInt(context: context), try parts[1].asInt(context: context))
    }
    let size = try value.asInt(context: context)
    return (size, size)
  }

  /// An activation given by name, as a `tf.nn` / `keras.activations`
  /// function, or None (linear).
  static func activation(_ value: Value?) throws -> ActivationKernel {
    guard let value, !value.isNone else { return .linear }
    if let function = value.object(as: ActivationObject.self) { return function.kind }
    if case .string(let name) = value {
      let aliases: [String: ActivationKernel] = ["leaky_relu": .leakyRelu, "leakyrelu": .leakyRelu]
      if let kind = ActivationKernel(rawValue: name) ?? aliases[name] { return kind }
    }
    throw PyError.valueError(
      "Could not interpret activation function identifier: \(try value.str())")
  }

  /// Keras's `verbose`: "auto" and True are 1, False is 0.
  static func verbose(_ value: Value?) throws -> Int {
    guard let value, !value.isNone else { return 1 }
    switch value {
    case .string(let text):
      guard text == "auto" else {
        throw PyError.valueError("verbose must be 0, 1, 2 or 'auto', not '\(text)'")
      }
      return 1
    case .bool(let flag): return flag ? 1 : 0
    default:
      let level = try value.asInt(context: "verbose")
      guard (0...2).contains(level) else {
        throw PyError.valueError("verbose must be 0, 1 or 2, received \(level)")
      }
      return level
    }
  }

  /// A shape with the batch axis open: `(None, 64)`.
  static func batchShape(_ shape: [Int]) -> Value {
    .tuple([.none] + shape.map { .int($0) })
  }

  /// An array argument as float data.
  static func array(_ value: Value, _ context: String) throws -> NDArray {
    try value.asNDArray(context: context)
  }

  /// Prints Keras's warning about `input_shape` on a layer to standard
  /// error, where Python's warnings go.
  static func warnInputShape() {
    let text =
      "UserWarning: Do not pass an `input_shape`/`input_dim` argument to a layer. When using"
      + " Sequential models, prefer using an `Input(shape)` object as the first layer in the"
      + " model instead.\n"
    fputs(text, stderr)
  }
}
