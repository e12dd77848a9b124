import Support
import Tensors

/// How `fit` runs: Keras's arguments.
public struct FitOptions {
  /// Passes over the data.
  public var epochs = 1
  /// Samples per step; the last batch may be smaller.
  public var batchSize = 32
  /// 0 silent, 1 progress bar, 2 one line per epoch.
  public var verbose = 1
  /// The fraction of the data, taken from the end, held out for validation.
  public var validationSplit = 0.0
  /// Explicit validation inputs and targets.
  public var validationData: (NDArray, NDArray)?
  /// Whether the samples are reshuffled before each epoch.
  public var shuffle = true

  /// Makes Keras's defaults.
  public init() {}
}

/// Targets as rows matched to a model's output, kept in float64 (which
/// holds float32 targets and integer labels exactly) and cast to the
/// output's dtype batch by batch.
struct TargetData {
  let values: [Double]
  let count: Int
  let width: Int
  let rank: Int
  let lastDimension: Int

  init(_ y: NDArray, samples: Int) throws {
    guard y.ndim >= 1, y.shape[0] == samples else {
      throw TensorError(
        .valueError,
        "Data cardinality is ambiguous: x has \(samples) samples but y has "
          + "\(y.ndim >= 1 ? y.shape[0] : 0) samples.")
    }
    values = try y.contiguous(as: .float64).values(as: Double.self)
    count = samples
    width = samples == 0 ? 1 : max(values.count / samples, 1)
    rank = y.ndim
    lastDimension = y.shape.last ?? 1
  }
}

/// A logged mean as Keras reports it: its metrics hold `floatx` values.
func reported(_ value: Double) -> Double {
  FloatPrecision.floatx == .float64 ? value : Double(Float(value))
}

/// The running, sample-weighted means an epoch reports.
struct Trackers {
  var loss = 0.0
  var metrics: [Double]
  var samples = 0

  init(metrics: Int) { self.metrics = [Double](repeating: 0, count: metrics) }

  mutating func reset() {
    loss = 0
    samples = 0
    for i in metrics.indices { metrics[i] = 0 }
  }
}

extension Model {
  private struct Compiled {
    let loss: Loss
    let metrics: [Metric]
    let fused: Bool
    let width: Int
    let rowsPerSample: Int
    // Worked out once per run, so that a training step allocates nothing.
    let trainable: [Variable]
    let needsGradient: [Bool]
  }

  private func resolve(targets: TargetData) throws -> Compiled {
    guard let loss else {
      throw TensorError(
        .valueError,
        "You must call `compile()` before using the model.")
    }
    let output = outputShape ?? []
    let width = output.last ?? 1
    let outCount = output.reduce(1, *)
    let rowsPerSample = max(outCount / max(width, 1), 1)
    if loss.kind == .sparseCategoricalCrossentropy {
      guard targets.width == rowsPerSample else {
        throw TensorError(
          .valueError,
          "Arguments `target` and `output` must have the same rank (ndim) - 1 for the sparse"
            + " loss. Received: target.shape=\(targets.width) values per sample,"
            + " output.shape=\(formatShapeWithBatch(output))")
      }
    } else if targets.width != outCount {
      throw TensorError(
        .valueError,
        "Arguments `target` and `output` must have the same shape. Received:"
          + " \(targets.width) target values per sample, output.shape="
          + formatShapeWithBatch(output))
    }
    let binary = width == 1
    let sparse =
      targets.rank < output.count + 1 || (targets.lastDimension == 1 && width > 1)
    let metrics = metricNames.map { name -> Metric in
      switch name {
      case "accuracy", "acc":
        let kind: Metric.Kind =
          binary
          ? .binaryAccuracy : sparse ? .sparseCategoricalAccuracy : .categoricalAccuracy
        return Metric(name: name, kind: kind)
      case "mse", "mean_squared_error": return Metric(name: name, kind: .meanSquaredError)
      default: return Metric(name: name, kind: .meanAbsoluteError)
      }
    }
    let fused = loss.fuses(with: stack.last?.activation)
    return Compiled(
      loss: loss, metrics: metrics, fused: fused, width: width, rowsPerSample: rowsPerSample,
      trainable: trainableVariables, needsGradient: inputGradientNeeds())
  }

  /// Runs one batch already in `batchInput` / `batchTargets`; trains when
  /// `train` is true. Adds the batch's sums to `trackers`.
  private func step(
    _ c: Compiled, batch: Int, targetWidth: Int, train: Bool, trackers: inout Trackers
  ) throws {
    let output = try forward(batch: batch, training: train, keepLogits: c.fused)
    guard let last = nodes.last else {
      throw TensorError(.valueError, "The model has no layers to train.")
    }
    if train { try last.gradient.reserve(batch * c.rowsPerSample * c.width, dtype: outputDType) }
    if outputDType == .float64 {
      try score(
        c, output: output, last: last, batch: batch, targetWidth: targetWidth, train: train,
        trackers: &trackers, as: Double.self)
    } else {
      try score(
        c, output: output, last: last, batch: batch, targetWidth: targetWidth, train: train,
        trackers: &trackers, as: Float.self)
    }
    if train, let optimizer {
      try backward(batch: batch, fused: c.fused, needsGradient: c.needsGradient)
      optimizer.apply(c.trainable)
    }
    trackers.samples += batch
  }

  /// Adds a batch's loss and metrics to `trackers` and, when training,
  /// writes the loss gradient into the last node's gradient buffer.
  private func score<T: KernelScalar>(
    _ c: Compiled, output: FloatBuffer, last: Node, batch: Int, targetWidth: Int, train: Bool,
    trackers: inout Trackers, as: T.Type
  ) throws {
    let rows = batch * c.rowsPerSample
    let targets = UnsafePointer(batchTargets.typed(T.self))
    let values = UnsafePointer((c.fused ? last.logits : output).typed(T.self))
    let lossSum = try c.loss.evaluate(
      values, logits: c.fused || c.loss.fromLogits, targets: targets, rows: rows,
      width: c.width, gradient: train ? last.gradient.typed(T.self) : nil)
    // Keras averages the batch loss over its rows, then weights it by the batch size.
    trackers.loss += lossSum / Double(c.rowsPerSample)
    for (index, metric) in c.metrics.enumerated() {
      trackers.metrics[index] +=
        metric.evaluate(
          UnsafePointer(output.typed(T.self)), targets: targets, rows: rows, width: c.width,
          targetWidth: targetWidth) / Double(c.rowsPerSample)
    }
  }

  private func logs(_ c: Compiled, _ trackers: Trackers, prefix: String = "") -> [(
    String, Double
  )] {
    let n = Double(max(trackers.samples, 1))
    var result = [(prefix + "loss", reported(trackers.loss / n))]
    for (index, metric) in c.metrics.enumerated() {
      result.append((prefix + metric.name, reported(trackers.metrics[index] / n)))
    }
    return result.sorted { $0.0 < $1.0 }
  }

  private func loadBatch(
    _ data: SampleData, _ targets: TargetData, _ indices: ArraySlice<Int>
  ) throws {
    try batchInput.reserve(max(indices.count * data.sampleSize, 1), dtype: data.dtype)
    try batchTargets.reserve(max(indices.count * targets.width, 1), dtype: outputDType)
    data.gather(indices, into: batchInput)
    if outputDType == .float64 {
      gatherTargets(targets, indices, as: Double.self)
    } else {
      gatherTargets(targets, indices, as: Float.self)
    }
  }

  private func gatherTargets<T: KernelScalar>(
    _ targets: TargetData, _ indices: ArraySlice<Int>, as: T.Type
  ) {
    var out = batchTargets.typed(T.self)
    let width = targets.width
    for index in indices {
      for j in 0..<width { out[j] = T(targets.values[index * width + j]) }
      out += width
    }
  }

  /// Trains the model as Keras's `fit` does and returns the History. A
  /// Ctrl-C stops it after the current batch with the weights kept, and
  /// throws KeyboardInterrupt.
  public func fit(x: NDArray, y: NDArray, options: FitOptions) throws -> History {
    try GEMM.singleThreaded { try fitSingleThreaded(x: x, y: y, options: options) }
  }

  private func fitSingleThreaded(x: NDArray, y: NDArray, options: FitOptions) throws -> History {
    guard optimizer != nil else {
      throw TensorError(.valueError, "You must call `compile()` before calling `fit()`.")
    }
    guard options.batchSize > 0 else {
      throw TensorError(.valueError, "batch_size must be a positive integer")
    }
    guard options.epochs >= 0 else {
      throw TensorError(.valueError, "epochs must be a non-negative integer")
    }
    var data = try SampleData(x, name: "x", dtype: inputDType)
    guard data.count > 0 else {
      throw TensorError(.valueError, "fit() was given no samples: x has length 0")
    }
    var targets = try TargetData(y, samples: data.count)
    var validation: (SampleData, TargetData)?
    if let (vx, vy) = options.validationData {
      let vdata = try SampleData(vx, name: "validation x", dtype: inputDType)
      validation = (vdata, try TargetData(vy, samples: vdata.count))
    } else if options.validationSplit != 0 {
      // NaN fails both comparisons, so it lands here too.
      let split = options.validationSplit
      guard split > 0 && split < 1 else {
        throw TensorError(
          .valueError, "validation_split must be in [0, 1), received: \(formatSplit(split))")
      }
      let splitAt = Int((Double(data.count) * (1 - split)).rounded(.down))
      guard splitAt > 0 && splitAt < data.count else {
        let part = splitAt == 0 ? "no training data" : "no validation data"
        throw TensorError(
          .valueError,
          "validation_split=\(formatSplit(split)) leaves \(part): \(data.count) samples"
            + " would split into \(splitAt) for training and \(data.count - splitAt) for"
            + " validation. Provide more data or a different validation_split.")
      }
      let vdata = try data.slice(splitAt..<data.count)
      let vtargets = try TargetData(
        try NDArray(
          Array(targets.values[(splitAt * targets.width)...]),
          shape: [data.count - splitAt, targets.width]), samples: data.count - splitAt)
      validation = (vdata, vtargets)
      data = try data.slice(0..<splitAt)
      targets = try TargetData(
        try NDArray(
          Array(targets.values[..<(splitAt * targets.width)]), shape: [splitAt, targets.width]),
        samples: splitAt)
    }
    try plan(data.sampleShape)
    let compiled = try resolve(targets: targets)

    // A batch larger than the data is the whole data, as in Keras.
    var options = options
    options.batchSize = min(options.batchSize, data.count)
    let steps = (data.count + options.batchSize - 1) / options.batchSize
    let history = History(verbose: options.verbose, epochs: options.epochs, steps: steps)
    self.history = history
    var order = Array(0..<data.count)
    var generator = NetworkRandom.makeGenerator()
    var trackers = Trackers(metrics: compiled.metrics.count)

    for epoch in 0..<options.epochs {
      if options.verbose != 0 && options.epochs > 1 {
        Console.shared.write("Epoch \(epoch + 1)/\(options.epochs)\n")
      }
      if options.shuffle {
        for i in stride(from: order.count - 1, to: 0, by: -1) {
          order.swapAt(i, generator.nextInt(below: i + 1))
        }
      }
      let bar = ProgressBar(target: steps, verbose: options.verbose)
      trackers.reset()
      for stepIndex in 0..<steps {
        let start = stepIndex * options.batchSize
        let end = min(start + options.batchSize, data.count)
        try loadBatch(data, targets, order[start..<end])
        try step(
          compiled, batch: end - start, targetWidth: targets.width, train: true,
          trackers: &trackers)
        bar.update(stepIndex + 1) { logs(compiled, trackers) }
        if Interruption.isRequested && (stepIndex + 1 < steps || epoch + 1 < options.epochs) {
          Interruption.clear()
          if options.verbose == 1 {
            // The step's own redraw may have been skipped as too soon
            // after the last; the bar must end on the step named below.
            bar.update(stepIndex + 1, force: true) { logs(compiled, trackers) }
            Console.shared.write("\n")
          }
          Console.shared.write(
            "Training stopped (Ctrl-C) in epoch \(epoch + 1)/\(options.epochs) after step "
              + "\(stepIndex + 1)/\(steps); the weights learned so far are kept and"
              + " model.history holds the \(epoch) finished epoch"
              + "\(epoch == 1 ? "" : "s").\n")
          throw TensorError(.keyboardInterrupt, "")
        }
      }
      var epochLogs = logs(compiled, trackers)
      if let (vdata, vtargets) = validation {
        let vc = try resolve(targets: vtargets)
        let vtrackers = try run(vdata, vtargets, vc, batchSize: options.batchSize, bar: nil)
        epochLogs += logs(vc, vtrackers, prefix: "val_")
      }
      bar.update(steps, finalize: true) { epochLogs }
      history.record(epoch: epoch, logs: epochLogs)
    }
    return history
  }

  private func run(
    _ data: SampleData, _ targets: TargetData, _ c: Compiled, batchSize: Int,
    bar: ProgressBar?
  ) throws -> Trackers {
    try plan(data.sampleShape)
    var trackers = Trackers(metrics: c.metrics.count)
    let batchSize = min(batchSize, max(data.count, 1))
    let steps = (data.count + batchSize - 1) / batchSize
    let order = Array(0..<data.count)
    for stepIndex in 0..<steps {
      let start = stepIndex * batchSize
      let end = min(start + batchSize, data.count)
      try loadBatch(data, targets, order[start..<end])
      try step(c, batch: end - start, targetWidth: targets.width, train: false, trackers: &trackers)
      bar?.update(stepIndex + 1) { logs(c, trackers) }
      if Interruption.isRequested {
        Interruption.clear()
        throw TensorError(.keyboardInterrupt, "")
      }
    }
    return trackers
  }

  /// Keras's `evaluate`: the loss, then each compiled metric, over `x`.
  public func evaluate(x: NDArray, y: NDArray, batchSize: Int = 32, verbose: Int = 1) throws
    -> [Double]
  {
    try GEMM.singleThreaded {
      try evaluateSingleThreaded(x: x, y: y, batchSize: batchSize, verbose: verbose)
    }
  }

  private func evaluateSingleThreaded(x: NDArray, y: NDArray, batchSize: Int, verbose: Int)
    throws -> [Double]
  {
    guard batchSize > 0 else {
      throw TensorError(.valueError, "batch_size must be a positive integer")
    }
    let data = try SampleData(x, name: "x", dtype: inputDType)
    guard data.count > 0 else {
      throw TensorError(.valueError, "evaluate() was given no samples: x has length 0")
    }
    let targets = try TargetData(y, samples: data.count)
    try plan(data.sampleShape)
    let c = try resolve(targets: targets)
    let batchSize = min(batchSize, data.count)
    let steps = (data.count + batchSize - 1) / batchSize
    let bar = ProgressBar(target: steps, verbose: verbose)
    let trackers = try run(data, targets, c, batchSize: batchSize, bar: bar)
    let final = logs(c, trackers)
    bar.update(steps, finalize: true) { final }
    let n = Double(max(trackers.samples, 1))
    return [reported(trackers.loss / n)] + trackers.metrics.map { reported($0 / n) }
  }

  /// Keras's `predict`: the outputs for `x`, batch by batch.
  public func predict(x: NDArray, batchSize: Int = 32, verbose: Int = 1) throws -> NDArray {
    try GEMM.singleThreaded {
      try predictSingleThreaded(x: x, batchSize: batchSize, verbose: verbose)
    }
  }

  private func predictSingleThreaded(x: NDArray, batchSize: Int, verbose: Int) throws
    -> NDArray
  {
    guard batchSize > 0 else {
      throw TensorError(.valueError, "batch_size must be a positive integer")
    }
    let data = try SampleData(x, name: "x", dtype: inputDType)
    try plan(data.sampleShape)
    let outShape = outputShape ?? data.sampleShape
    let outCount = outShape.reduce(1, *)
    let type = outputDType
    var result = try NDArray(zeros: [data.count] + outShape, dtype: type)
    let target = result.storage.bytes
    let batchSize = min(batchSize, max(data.count, 1))
    let steps = (data.count + batchSize - 1) / batchSize
    let bar = ProgressBar(target: steps, verbose: verbose)
    for stepIndex in 0..<steps {
      let start = stepIndex * batchSize
      let end = min(start + batchSize, data.count)
      try batchInput.reserve(max((end - start) * data.sampleSize, 1), dtype: data.dtype)
      data.copy(rows: start..<end, into: batchInput)
      let output = try forward(batch: end - start, training: false, keepLogits: false)
      (target + start * outCount * type.itemSize).copyMemory(
        from: output.bytes, byteCount: (end - start) * outCount * type.itemSize)
      bar.update(stepIndex + 1) { [] }
      if Interruption.isRequested {
        Interruption.clear()
        throw TensorError(.keyboardInterrupt, "")
      }
    }
    bar.update(steps, finalize: true) { [] }
    result = try result.contiguous()
    return result
  }
}

/// A fraction as Python prints a float (`0.999`, `nan`).
private func formatSplit(_ value: Double) -> String {
  value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : "\(value)"
}
