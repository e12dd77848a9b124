import Language
import Networks
import Tensors

/// The layer classes of `keras.layers`.
enum LayerClasses {
  private static func wrap(_ layer: Layer, _ a: BoundArguments) throws -> Value {
    if let dtype = try KerasArguments.floatType(a.optional("dtype")) {
      try layer.setDType(dtype)
    }
    if let trainable = a.optional("trainable") { layer.trainable = try trainable.isTruthy() }
    if let shape = a.optional("input_shape") {
      layer.declaredInputShape = try KerasArguments.shape(shape, "input_shape")
      KerasArguments.warnInputShape()
    } else if let dim = a.optional("input_dim") {
      layer.declaredInputShape = [try dim.asInt(context: "input_dim")]
      KerasArguments.warnInputShape()
    }
    return .object(LayerObject.wrap(layer))
  }

  private static func name(_ a: BoundArguments) throws -> String? {
    guard let value = a.optional("name") else { return nil }
    guard case .string(let text) = value else {
      throw PyError.typeError("name must be a string, not \(value.typeName)")
    }
    return text
  }

  private static func channelsLast(_ a: BoundArguments) throws {
    if let format = a.optional("data_format"), case .string(let text) = format,
      text != "channels_last"
    {
      throw PyError(.notImplementedError, "only data_format='channels_last' is supported")
    }
  }

  private static func defaults(_ a: BoundArguments, _ pairs: [(String, String)]) throws {
    for (key, wanted) in pairs {
      guard let value = a.optional(key) else { continue }
      if case .string(let text) = value, text == wanted { continue }
      if let pair = KerasArguments.items(value), pair.count == 2,
        (try? pair.map { try $0.asInt() }) == [1, 1], wanted == "(1, 1)"
      {
        continue
      }
      if (try? value.asInt()) == 1 && (wanted == "(1, 1)" || wanted == "1") { continue }
      throw PyError(.notImplementedError, "\(key)=\(try value.repr()) is not supported")
    }
  }

  static let common = "name=None, trainable=True, dtype=None, input_shape=None, input_dim=None"

  /// Every layer class, by name.
  static func classes() -> [KerasClass] {
    let base = "keras.src.layers"
    let maxPool: (Arguments) throws -> Value = { args in
      let a = try args.bind(
        "MaxPooling2D(pool_size=None, strides=None, padding='valid', data_format=None, \(common))")
      try channelsLast(a)
      let pool = try KerasArguments.pair(a.optional("pool_size") ?? .int(2), "pool_size")
      let strides = try a.optional("strides").map { try KerasArguments.pair($0, "strides") }
      return try wrap(
        Pooling2D(
          mode: .max, poolSize: pool, strides: strides,
          padding: try a.string("padding", default: "valid"), name: try name(a)), a)
    }
    let averagePool: (Arguments) throws -> Value = { args in
      let a = try args.bind(
        "AveragePooling2D(pool_size, strides=None, padding='valid', data_format=None, \(common))")
      try channelsLast(a)
      let pool = try KerasArguments.pair(a.optional("pool_size") ?? .int(2), "pool_size")
      let strides = try a.optional("strides").map { try KerasArguments.pair($0, "strides") }
      return try wrap(
        Pooling2D(
          mode: .average, poolSize: pool, strides: strides,
          padding: try a.string("padding", default: "valid"), name: try name(a)), a)
    }
    return [
      KerasClass("Dense", path: base + ".core.dense") { args in
        let a = try args.bind(
          "Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform',"
            + " bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None,"
            + " activity_regularizer=None, kernel_constraint=None, bias_constraint=None,"
            + " \(common))")
        try defaults(a, [("kernel_initializer", "glorot_uniform"), ("bias_initializer", "zeros")])
        for key in ["kernel_regularizer", "bias_regularizer", "activity_regularizer"]
        where a.optional(key) != nil {
          throw PyError(.notImplementedError, "\(key) is not supported")
        }
        return try wrap(
          Dense(
            units: try a.int("units"), activation: try KerasArguments.activation(a["activation"]),
            useBias: try a.bool("use_bias", default: true), name: try name(a)), a)
      },
      KerasClass("Dropout", path: base + ".regularization.dropout") { args in
        let a = try args.bind("Dropout(rate, noise_shape=None, seed=None, \(common))")
        var noise: [Int?]?
        if let value = a.optional("noise_shape") {
          guard let parts = KerasArguments.items(value) else {
            throw PyError.typeError("noise_shape must be a tuple")
          }
          noise = try parts.map { $0.isNone ? nil : try $0.asInt(context: "noise_shape") }
        }
        return try wrap(
          Dropout(
            rate: try a.double("rate"), noiseShape: noise,
            seed: try a.optional("seed").map { try $0.asInt(context: "seed") }, name: try name(a)),
          a)
      },
      KerasClass("Conv2D", path: base + ".convolutional.conv2d") { args in
        let a = try args.bind(
          "Conv2D(filters, kernel_size, strides=None, padding='valid', data_format=None,"
            + " dilation_rate=None, groups=1, activation=None, use_bias=True,"
            + " kernel_initializer='glorot_uniform', bias_initializer='zeros', \(common))")
        try channelsLast(a)
        try defaults(
          a,
          [
            ("dilation_rate", "(1, 1)"), ("groups", "1"),
            ("kernel_initializer", "glorot_uniform"), ("bias_initializer", "zeros"),
          ])
        return try wrap(
          Conv2D(
            filters: try a.int("filters"),
            kernelSize: try KerasArguments.pair(a["kernel_size"] ?? .none, "kernel_size"),
            strides: try KerasArguments.pair(a.optional("strides") ?? .int(1), "strides"),
            padding: try a.string("padding", default: "valid"),
            activation: try KerasArguments.activation(a["activation"]),
            useBias: try a.bool("use_bias", default: true), name: try name(a)), a)
      },
      KerasClass("MaxPooling2D", path: base + ".pooling.max_pooling2d", maxPool),
      KerasClass("MaxPool2D", path: base + ".pooling.max_pooling2d", maxPool),
      KerasClass("AveragePooling2D", path: base + ".pooling.average_pooling2d", averagePool),
      KerasClass("AvgPool2D", path: base + ".pooling.average_pooling2d", averagePool),
      KerasClass("GlobalAveragePooling2D", path: base + ".pooling.global_average_pooling2d") {
        args in
        let a = try args.bind(
          "GlobalAveragePooling2D(data_format=None, keepdims=False, \(common))")
        try channelsLast(a)
        if try a.bool("keepdims", default: false) {
          throw PyError(.notImplementedError, "keepdims=True is not supported")
        }
        return try wrap(GlobalAveragePooling2D(name: try name(a)), a)
      },
      KerasClass("Flatten", path: base + ".reshaping.flatten") { args in
        let a = try args.bind("Flatten(data_format=None, \(common))")
        try channelsLast(a)
        return try wrap(Flatten(name: try name(a)), a)
      },
      KerasClass("Activation", path: base + ".activations.activation") { args in
        let a = try args.bind("Activation(activation, \(common))")
        return try wrap(
          Activation(try KerasArguments.activation(a["activation"]), name: try name(a)), a)
      },
      KerasClass("InputLayer", path: base + ".core.input_layer") { args in
        let a = try args.bind(
          "InputLayer(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None,"
            + " input_tensor=None, optional=False, name=None)")
        guard let shape = a.optional("shape") else {
          throw PyError.valueError("InputLayer needs a shape")
        }
        let layer = InputLayer(shape: try KerasArguments.shape(shape, "shape"), name: try name(a))
        if let dtype = KerasArguments.inputFloatType(a.optional("dtype")) {
          try layer.setDType(dtype)
        }
        return .object(LayerObject.wrap(layer))
      },
    ]
  }
}
