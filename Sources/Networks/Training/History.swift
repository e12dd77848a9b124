/// What `fit` returns: each epoch's logged values.
public final class History {
  /// The logged names in Keras's order, with one value per finished epoch.
  public private(set) var values: [(name: String, values: [Double])] = []
  /// The indices of the finished epochs.
  public private(set) var epochs: [Int] = []
  /// `verbose`, `epochs` and `steps` as `fit` ran them.
  public let verbose: Int, plannedEpochs: Int, steps: Int

  /// Makes an empty history for a run.
  public init(verbose: Int, epochs: Int, steps: Int) {
    self.verbose = verbose
    self.plannedEpochs = epochs
    self.steps = steps
  }

  /// Records a finished epoch's logs.
  public func record(epoch: Int, logs: [(String, Double)]) {
    epochs.append(epoch)
    for (name, value) in logs {
      if let index = values.firstIndex(where: { $0.name == name }) {
        values[index].values.append(value)
      } else {
        values.append((name, [value]))
      }
    }
  }

  /// The values logged under `name`.
  public func values(of name: String) -> [Double]? {
    values.first { $0.name == name }?.values
  }
}
