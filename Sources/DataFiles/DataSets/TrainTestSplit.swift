import Foundation
import Tensors

/// scikit-learn's `train_test_split`: which rows go to training and
/// which to testing.
public enum TrainTestSplit {
  /// A split size: a fraction of the samples or a count.
  public enum Size: Equatable, Sendable {
    case fraction(Double)
    case count(Int)

    var text: String {
      switch self {
      case .fraction(let value): return "\(value)"
      case .count(let value): return "\(value)"
      }
    }
  }

  /// The train and test sizes sklearn picks: a test fraction rounds up,
  /// a train fraction down, the missing one takes the rest, 0.25 tests
  /// when neither is given (3004 samples at 0.25: 2253 and 751).
  public static func sizes(samples: Int, test: Size?, train: Size?) throws -> (
    train: Int, test: Int
  ) {
    let test = (test == nil && train == nil) ? .fraction(0.25) : test
    try check(test, "test_size", samples)
    try check(train, "train_size", samples)
    if case .fraction(let a) = test, case .fraction(let b) = train, a + b > 1 {
      throw DataFileError(
        "ValueError",
        "test_size + train_size = \(a + b), but as fractions they must add up to at most 1")
    }
    var testCount = test.map { size -> Int in
      switch size {
      case .fraction(let value): return Int((value * Double(samples)).rounded(.up))
      case .count(let value): return value
      }
    }
    var trainCount = train.map { size -> Int in
      switch size {
      case .fraction(let value): return Int((value * Double(samples)).rounded(.down))
      case .count(let value): return value
      }
    }
    if trainCount == nil { trainCount = samples - (testCount ?? 0) }
    if testCount == nil { testCount = samples - (trainCount ?? 0) }
    let trainSize = trainCount ?? 0
    let testSize = testCount ?? 0
    guard trainSize + testSize <= samples else {
      throw DataFileError(
        "ValueError",
        "train_size + test_size = \(trainSize + testSize) is more than the \(samples) samples;"
          + " reduce test_size and/or train_size")
    }
    guard trainSize > 0 else {
      throw DataFileError(
        "ValueError",
        "with n_samples=\(samples), test_size=\(test?.text ?? "None") and"
          + " train_size=\(train?.text ?? "None") the train set would be empty")
    }
    return (trainSize, testSize)
  }

  private static func check(_ size: Size?, _ name: String, _ samples: Int) throws {
    let valid: Bool
    switch size {
    case nil: valid = true
    case .fraction(let value): valid = value > 0 && value < 1
    case .count(let value): valid = value > 0 && value < samples
    }
    guard !valid, let size else { return }
    throw DataFileError(
      "ValueError",
      "\(name)=\(size.text) must be a count between 1 and \(samples - 1)"
        + " (the number of samples minus one) or a fraction in (0, 1)")
  }

  /// The row indices of each part. Without shuffling, the first rows
  /// train and the next ones test; with `stratify`, each label keeps its
  /// share in both parts, as sklearn's StratifiedShuffleSplit does.
  public static func indices(
    samples: Int, test: Size?, train: Size?, shuffle: Bool = true, stratify: [Double]? = nil,
    generator: inout RandomGenerator
  ) throws -> (train: [Int], test: [Int]) {
    let (trainSize, testSize) = try sizes(samples: samples, test: test, train: train)
    guard shuffle else {
      if stratify != nil {
        throw DataFileError(
          "ValueError", "a stratified split needs shuffle=True (the default)")
      }
      return (Array(0..<trainSize), Array(trainSize..<(trainSize + testSize)))
    }
    if let labels = stratify {
      return try stratified(
        labels, samples: samples, train: trainSize, test: testSize, generator: &generator)
    }
    let order = ToyData.permutation(samples, generator: &generator)
    return (Array(order[testSize..<(testSize + trainSize)]), Array(order[0..<testSize]))
  }

  private static func stratified(
    _ labels: [Double], samples: Int, train: Int, test: Int,
    generator: inout RandomGenerator
  ) throws -> (train: [Int], test: [Int]) {
    guard labels.count == samples else {
      throw DataFileError(
        "ValueError", "stratify has \(labels.count) labels for \(samples) samples")
    }
    let classes = Array(Set(labels)).sorted()
    var members: [[Int]] = Array(repeating: [], count: classes.count)
    let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
    for (row, label) in labels.enumerated() {
      if let index = position[label] { members[index].append(row) }
    }
    let counts = members.map(\.count)
    guard (counts.min() ?? 0) >= 2 else {
      throw DataFileError(
        "ValueError",
        "the least populated class in stratify has only 1 member; every class needs 2")
    }
    guard train >= classes.count, test >= classes.count else {
      throw DataFileError(
        "ValueError",
        "train and test need at least one sample of each of the \(classes.count) classes;"
          + " they get \(train) and \(test)")
    }
    let trainShare = approximateMode(counts, draws: train, generator: &generator)
    let rest = zip(counts, trainShare).map { $0 - $1 }
    let testShare = approximateMode(rest, draws: test, generator: &generator)
    var trainRows: [Int] = []
    var testRows: [Int] = []
    for (index, rows) in members.enumerated() {
      let order = ToyData.permutation(rows.count, generator: &generator).map { rows[$0] }
      trainRows += order[0..<trainShare[index]]
      testRows += order[trainShare[index]..<(trainShare[index] + testShare[index])]
    }
    let trainOrder = ToyData.permutation(trainRows.count, generator: &generator)
    let testOrder = ToyData.permutation(testRows.count, generator: &generator)
    return (trainOrder.map { trainRows[$0] }, testOrder.map { testRows[$0] })
  }

  /// Splits `draws` among classes in proportion to `counts`: the floors
  /// first, then one more each to the largest remainders, ties broken at
  /// random.
  static func approximateMode(
    _ counts: [Int], draws: Int, generator: inout RandomGenerator
  ) -> [Int] {
    let total = Double(counts.reduce(0, +))
    guard total > 0 else { return counts.map { _ in 0 } }
    let continuous = counts.map { Double($0) / total * Double(draws) }
    var floored = continuous.map { $0.rounded(.down) }
    var needed = draws - Int(floored.reduce(0, +))
    let remainders = zip(continuous, floored).map { $0 - $1 }
    for value in Set(remainders).sorted(by: >) where needed > 0 {
      var tied = remainders.indices.filter { remainders[$0] == value }
      let order = ToyData.permutation(tied.count, generator: &generator)
      tied = order.map { tied[$0] }
      for index in tied.prefix(needed) { floored[index] += 1 }
      needed -= min(tied.count, needed)
    }
    return floored.map { Int($0) }
  }

  /// The rows of `array` at `indices`, in that order, as a new array.
  public static func rows(_ array: NDArray, _ indices: [Int]) throws -> NDArray {
    guard let length = array.shape.first else {
      throw DataFileError("TypeError", "a 0-d array cannot be split into rows")
    }
    let source = try array.contiguous()
    let rowSize = source.shape.dropFirst().reduce(1, *) * source.dtype.itemSize
    let result = try NDArray(zeros: [indices.count] + source.shape.dropFirst(), dtype: source.dtype)
    let from = source.storage.bytes.advanced(by: source.offset * source.dtype.itemSize)
    let to = result.storage.bytes
    for (target, row) in indices.enumerated() {
      guard row >= 0, row < length else {
        throw DataFileError("IndexError", "row \(row) is out of range for \(length) rows")
      }
      to.advanced(by: target * rowSize).copyMemory(
        from: from.advanced(by: row * rowSize), byteCount: rowSize)
    }
    return withExtendedLifetime(source) { result }
  }
}
