import Tensors

/// A Keras model: a functional graph (`Model(inputs=, outputs=)`) or a
/// `Sequential` stack, with its compiled loss, metrics and optimizer.
public final class Model {
  /// One place a layer runs, with the memory reused across batches.
  final class Node {
    let layer: Layer
    let input: [Int]
    let output: [Int]
    let state: LayerState
    let values = FloatBuffer()
    let gradient = FloatBuffer()
    let logits = FloatBuffer()
    // The input cast to the layer's dtype, and the input gradient before it
    // is cast back, when the layer before computes in another dtype.
    let castInput = FloatBuffer()
    let castGradient = FloatBuffer()

    init(layer: Layer, input: [Int], output: [Int]) {
      self.layer = layer
      self.input = input
      self.output = output
      state = layer.makeState()
    }

    var outputCount: Int { output.reduce(1, *) }
  }

  /// The model's name (`functional_2`, `sequential`).
  public let name: String
  /// Whether it is a `Sequential` model.
  public let isSequential: Bool
  /// The input layer, once the input shape is known.
  public private(set) var inputLayer: InputLayer?
  /// Whether the input layer was made from the first data seen rather than
  /// declared by the program, so that it does not constrain later data.
  private var inputIsInferred = false
  /// The layers after the input, in order.
  public private(set) var stack: [Layer] = []
  /// The compiled loss.
  public private(set) var loss: Loss?
  /// The compiled metrics.
  public private(set) var metricNames: [String] = []
  /// The compiled optimizer.
  public private(set) var optimizer: Optimizer?
  /// The History of the last `fit`, also kept when it was interrupted.
  public internal(set) var history: History?
  /// The object that stands for the model in the language, if any.
  public weak var binding: AnyObject?

  var nodes: [Node] = []
  private var planInput: [Int]?
  let batchInput = FloatBuffer()
  let batchTargets = FloatBuffer()

  /// Makes a functional model from an input tensor to an output tensor;
  /// ValueError when the output does not come from the input.
  public init(inputs: KerasTensor, outputs: KerasTensor, name: String?) throws {
    guard let input = inputs.producer as? InputLayer, inputs.source == nil else {
      throw TensorError(.valueError, "A model's inputs must come from `keras.Input`.")
    }
    var chain: [Layer] = []
    var cursor = outputs
    while let source = cursor.source {
      chain.append(cursor.producer)
      cursor = source
    }
    guard cursor === inputs else {
      throw TensorError(
        .valueError,
        "Graph disconnected: the output \(outputs.producer.name) does not come from the"
          + " input \(input.name).")
    }
    // TODO: a layer used twice in one model (shared weights) would need its
    // gradients summed over its uses; such graphs are refused for now.
    for (index, layer) in chain.enumerated() where chain[..<index].contains(where: { $0 === layer })
    {
      throw TensorError(
        .valueError,
        "The layer \(layer.name) is used twice in the model; shared layers are"
          + " not supported.")
    }
    self.name = name ?? LayerNaming.uniqueName("functional")
    isSequential = false
    inputLayer = input
    stack = chain.reversed()
    try plan(input.shape)
  }

  /// Makes a Sequential model of `layers`; an `InputLayer` first gives the
  /// input shape.
  public init(sequential layers: [Layer], name: String?) throws {
    self.name = name ?? LayerNaming.uniqueName("sequential")
    isSequential = true
    for layer in layers { try add(layer) }
  }

  /// Appends a layer to a Sequential model.
  public func add(_ layer: Layer) throws {
    guard isSequential else {
      throw TensorError(.typeError, "only a Sequential model has add()")
    }
    if let input = layer as? InputLayer {
      guard inputLayer == nil, stack.isEmpty else {
        throw TensorError(.valueError, "An InputLayer can only be the first layer of a model.")
      }
      inputLayer = input
      try plan(input.shape)
      return
    }
    if stack.contains(where: { $0 === layer }) {
      throw TensorError(.valueError, "The layer \(layer.name) is already in the model.")
    }
    if inputLayer == nil, stack.isEmpty, let declared = layer.declaredInputShape {
      let input = InputLayer(shape: declared, name: nil)
      try input.setDType(layer.dtype)
      inputLayer = input
    }
    stack.append(layer)
    if let input = inputLayer {
      planInput = nil
      do {
        try plan(input.shape)
      } catch {
        stack.removeLast()
        planInput = nil
        try? plan(input.shape)
        throw error
      }
    }
  }

  /// The layers as `model.layers` lists them: a functional model's input
  /// layer first; a Sequential model's without it.
  public var layers: [Layer] {
    if isSequential { return stack }
    return (inputLayer.map { [$0] } ?? []) + stack
  }

  /// Whether every layer knows its shapes.
  public var isBuilt: Bool { planInput != nil }

  /// The per-sample output shape of a layer in this model, when built.
  public func outputShape(of layer: Layer) -> [Int]? {
    if let input = layer as? InputLayer { return input.shape }
    return nodes.first { $0.layer === layer }?.output
  }

  /// The per-sample output shape of the model, when built.
  public var outputShape: [Int]? { nodes.last?.output ?? planInput }

  /// The layer named `name`; ValueError listing the names otherwise.
  public func layer(named name: String) throws -> Layer {
    if let found = layers.first(where: { $0.name == name }) { return found }
    let names = layers.map { "'\($0.name)'" }.joined(separator: ", ")
    throw TensorError(
      .valueError, "No such layer: \(name). Existing layers are: [\(names)].")
  }

  /// Every weight of the model, layer by layer.
  public var variables: [Variable] { stack.flatMap { $0.variables } }

  /// The weights training updates (those of trainable layers).
  public var trainableVariables: [Variable] {
    stack.filter { $0.trainable }.flatMap { $0.variables }
  }

  /// The number of weight values; ValueError before the model is built.
  public func countParams() throws -> Int {
    guard isBuilt else {
      throw TensorError(
        .valueError,
        "You tried to call `count_params` on layer '\(name)', but the layer isn't built."
          + " You can build it manually via: `\(name).build(batch_input_shape)`.")
    }
    return variables.reduce(0) { $0 + $1.count }
  }

  /// For each node, whether a layer before it has weights to train, so
  /// that its input gradient is needed.
  func inputGradientNeeds() -> [Bool] {
    var needs = [Bool](repeating: false, count: nodes.count)
    var seen = false
    for index in nodes.indices {
      needs[index] = seen
      if nodes[index].layer.trainable && !nodes[index].layer.variables.isEmpty { seen = true }
    }
    return needs
  }

  /// Works out every layer's shapes for a per-sample input and builds the
  /// layers that are not built yet.
  func plan(_ input: [Int]) throws {
    if planInput == input { return }
    if let declared = inputLayer?.shape, !inputIsInferred {
      try Self.check(input, fits: declared, model: name)
    }
    var shape = input
    var made: [Node] = []
    for layer in stack {
      try layer.ensureBuilt(shape)
      let output = try layer.outputShape(for: shape)
      _ = try layer.sampleCount(output)
      made.append(Node(layer: layer, input: shape, output: output))
      shape = output
    }
    nodes = made
    planInput = input
    if inputLayer == nil {
      let layer = InputLayer(shape: input, name: nil)
      try layer.setDType(stack.first?.dtype ?? FloatPrecision.floatx)
      inputLayer = layer
      inputIsInferred = true
    }
  }

  /// Checks samples shaped `input` against the declared input shape as
  /// Keras does: a trailing axis of size 1 on either side is ignored, and
  /// the axes both have must agree.
  static func check(_ input: [Int], fits declared: [Int], model: String) throws {
    let found = input.last == 1 ? Array(input.dropLast()) : input
    let expected = declared.last == 1 ? Array(declared.dropLast()) : declared
    if zip(found, expected).allSatisfy({ $0 == $1 }) { return }
    throw TensorError(
      .valueError,
      "Input 0 of layer \"\(model)\" is incompatible with the layer: expected shape="
        + "\(formatShapeWithBatch(declared)), found shape=\(formatShapeWithBatch(found))")
  }

  /// The dtype the model's input is cast to: its input layer's.
  public var inputDType: DType { inputLayer?.dtype ?? stack.first?.dtype ?? .float32 }

  /// The dtype of the model's output: its last layer's.
  public var outputDType: DType { nodes.last?.layer.dtype ?? inputDType }

  /// The dtype of the data entering node `index`.
  func dtype(enteringNode index: Int) -> DType {
    index == 0 ? inputDType : nodes[index - 1].layer.dtype
  }

  /// Sets the loss, metrics and optimizer for `fit` and `evaluate`.
  public func compile(optimizer: Optimizer, loss: Loss?, metrics: [String]) throws {
    for metric in metrics {
      guard
        ["accuracy", "acc", "mse", "mae", "mean_squared_error", "mean_absolute_error"]
          .contains(metric)
      else {
        throw TensorError(.valueError, "Could not interpret metric identifier: \(metric)")
      }
    }
    self.optimizer = optimizer
    self.loss = loss
    self.metricNames = metrics
  }

  // MARK: - Running

  /// Runs the layers on the `batch` samples in `batchInput`; returns the
  /// buffer holding the model's output (in `outputDType`).
  func forward(batch: Int, training: Bool, keepLogits: Bool) throws -> FloatBuffer {
    var source = batchInput
    for (index, node) in nodes.enumerated() {
      let type = node.layer.dtype
      let inputCount = batch * node.input.reduce(1, *)
      var input = source
      let entering = dtype(enteringNode: index)
      if entering != type {
        try node.castInput.reserve(inputCount, dtype: type)
        castValues(source, entering, into: node.castInput, type, count: inputCount)
        input = node.castInput
      }
      try node.values.reserve(batch * node.outputCount, dtype: type)
      var logits: FloatBuffer? = nil
      if keepLogits && index == nodes.count - 1 {
        try node.logits.reserve(batch * node.outputCount, dtype: type)
        logits = node.logits
      }
      if type == .float64 {
        try node.layer.forward(
          UnsafePointer(input.typed(Double.self)), into: node.values.typed(Double.self),
          batch: batch, input: node.input, training: training, state: node.state,
          logits: logits?.typed(Double.self))
      } else {
        try node.layer.forward(
          UnsafePointer(input.pointer), into: node.values.pointer, batch: batch,
          input: node.input, training: training, state: node.state, logits: logits?.pointer)
      }
      source = node.values
    }
    return source
  }

  /// Back-propagates from the last node's gradient buffer, filling the
  /// trainable variables' gradients.
  func backward(batch: Int, fused: Bool, needsGradient: [Bool]) throws {
    for index in nodes.indices.reversed() {
      let node = nodes[index]
      let type = node.layer.dtype
      let entering = dtype(enteringNode: index)
      let x =
        entering != type ? node.castInput : index == 0 ? batchInput : nodes[index - 1].values
      let inputCount = batch * node.input.reduce(1, *)
      var dx: FloatBuffer? = nil
      if index > 0 && needsGradient[index] {
        let previous = nodes[index - 1]
        try previous.gradient.reserve(inputCount, dtype: entering)
        dx = previous.gradient
        if entering != type {
          try node.castGradient.reserve(inputCount, dtype: type)
          dx = node.castGradient
        }
      }
      let skip = fused && index == nodes.count - 1
      if type == .float64 {
        try node.layer.backward(
          x: UnsafePointer(x.typed(Double.self)), y: UnsafePointer(node.values.typed(Double.self)),
          dy: node.gradient.typed(Double.self), dx: dx?.typed(Double.self), batch: batch,
          input: node.input, state: node.state, skipActivation: skip)
      } else {
        try node.layer.backward(
          x: UnsafePointer(x.pointer), y: UnsafePointer(node.values.pointer),
          dy: node.gradient.pointer, dx: dx?.pointer, batch: batch, input: node.input,
          state: node.state, skipActivation: skip)
      }
      guard let dx else { break }
      if entering != type {
        castValues(dx, type, into: nodes[index - 1].gradient, entering, count: inputCount)
      }
    }
  }

  /// The model applied to `x` (samples along the first axis) in one batch.
  public func call(_ x: NDArray, training: Bool) throws -> NDArray {
    let data = try SampleData(x, name: "x", dtype: inputDType)
    try plan(data.sampleShape)
    try batchInput.reserve(max(data.count * data.sampleSize, 1), dtype: inputDType)
    data.copy(rows: 0..<data.count, into: batchInput)
    let output = try forward(batch: data.count, training: training, keepLogits: false)
    let shape = [data.count] + (outputShape ?? data.sampleShape)
    return try makeArray(output, outputDType, shape: shape)
  }
}

/// Converts `count` values between float32 and float64 buffers.
func castValues(
  _ source: FloatBuffer, _ from: DType, into target: FloatBuffer, _ to: DType, count: Int
) {
  switch (from, to) {
  case (.float64, .float32):
    let s = source.typed(Double.self)
    let t = target.pointer
    for i in 0..<count { t[i] = Float(s[i]) }
  case (.float32, .float64):
    let s = source.pointer
    let t = target.typed(Double.self)
    for i in 0..<count { t[i] = Double(s[i]) }
  case (.float64, _):
    target.typed(Double.self).update(from: source.typed(Double.self), count: count)
  default:
    target.pointer.update(from: source.pointer, count: count)
  }
}

/// The first values of `buffer` as an array of `dtype` and `shape`.
func makeArray(_ buffer: FloatBuffer, _ dtype: DType, shape: [Int]) throws -> NDArray {
  let count = shape.reduce(1, *)
  if dtype == .float64 {
    return try NDArray(
      Array(UnsafeBufferPointer(start: buffer.typed(Double.self), count: count)), shape: shape)
  }
  return try NDArray(Array(UnsafeBufferPointer(start: buffer.pointer, count: count)), shape: shape)
}

extension Layer {
  /// The layer applied directly to data `x` (samples along the first axis):
  /// `x` is cast to the layer's dtype, which the result has.
  public func call(_ x: NDArray, training: Bool) throws -> NDArray {
    let data = try SampleData(x, name: "x", dtype: dtype)
    let input = data.sampleShape
    try ensureBuilt(input)
    let output = try outputShape(for: input)
    let outCount = data.count * output.reduce(1, *)
    let source = FloatBuffer()
    try source.reserve(max(data.count * data.sampleSize, 1), dtype: dtype)
    data.copy(rows: 0..<data.count, into: source)
    let result = FloatBuffer()
    try result.reserve(max(outCount, 1), dtype: dtype)
    let state = makeState()
    if dtype == .float64 {
      try forward(
        UnsafePointer(source.typed(Double.self)), into: result.typed(Double.self),
        batch: data.count, input: input, training: training, state: state, logits: nil)
    } else {
      try forward(
        UnsafePointer(source.pointer), into: result.pointer, batch: data.count, input: input,
        training: training, state: state, logits: nil)
    }
    return try makeArray(result, dtype, shape: [data.count] + output)
  }
}

/// Samples as a contiguous float32 or float64 block: `count` rows of
/// `sampleSize`.
struct SampleData {
  let array: NDArray
  let count: Int
  let sampleShape: [Int]
  let sampleSize: Int
  let dtype: DType

  init(_ x: NDArray, name: String, dtype: DType) throws {
    guard x.ndim >= 1 else {
      throw TensorError(.valueError, "\(name) must have a batch axis, got a 0-d array")
    }
    self.dtype = dtype == .float64 ? .float64 : .float32
    array = try x.contiguous(as: self.dtype)
    count = x.shape[0]
    sampleShape = Array(x.shape.dropFirst())
    sampleSize = sampleShape.reduce(1, *)
  }

  private var rowBytes: Int { sampleSize * dtype.itemSize }

  private var base: UnsafeMutableRawPointer {
    array.storage.bytes.advanced(by: array.offset * dtype.itemSize)
  }

  /// Copies consecutive rows.
  func copy(rows: Range<Int>, into target: FloatBuffer) {
    withExtendedLifetime(array) {
      let out = target.bytes
      out.copyMemory(from: base + rows.lowerBound * rowBytes, byteCount: rows.count * rowBytes)
    }
  }

  /// Copies the rows at `indices`.
  func gather(_ indices: ArraySlice<Int>, into target: FloatBuffer) {
    withExtendedLifetime(array) {
      var out = target.bytes
      let size = rowBytes
      for index in indices {
        out.copyMemory(from: base + index * size, byteCount: size)
        out += size
      }
    }
  }

  /// The same samples restricted to `rows`.
  func slice(_ rows: Range<Int>) throws -> SampleData {
    let start = rows.lowerBound * sampleSize
    let values: NDArray = try withExtendedLifetime(array) {
      let shape = [rows.count] + sampleShape
      if dtype == .float64 {
        let typed = base.assumingMemoryBound(to: Double.self) + start
        return try NDArray(
          Array(UnsafeBufferPointer(start: typed, count: rows.count * sampleSize)), shape: shape)
      }
      let typed = base.assumingMemoryBound(to: Float.self) + start
      return try NDArray(
        Array(UnsafeBufferPointer(start: typed, count: rows.count * sampleSize)), shape: shape)
    }
    return try SampleData(values, name: "x", dtype: dtype)
  }
}

extension Model {
  /// Each layer with its group name in a Keras 3 weights file: the
  /// snake-case class name numbered within this model (`dense`, `dense_1`).
  public func weightFileKeys() -> [(key: String, layer: Layer)] {
    var seen: [String: Int] = [:]
    return layers.map { layer in
      let base = LayerNaming.snakeCase(layer.className)
      let used = seen[base, default: 0]
      seen[base] = used + 1
      return (used == 0 ? base : "\(base)_\(used)", layer)
    }
  }
}
