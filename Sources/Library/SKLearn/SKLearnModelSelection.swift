import DataFiles
import Language
import Tensors

/// `sklearn.model_selection`: train_test_split.
func makeModelSelectionModule() -> PyModule {
  let module = PyModule("sklearn.model_selection", doc: "Splitting data for validation.")
  module.function(
    "train_test_split",
    doc: "train_test_split(*arrays, test_size=None, train_size=None, random_state=None,"
      + " shuffle=True, stratify=None)"
  ) { args in
    try trainTestSplit(args)
  }
  return module
}

private func splitSize(_ value: Value?, name: String) throws -> TrainTestSplit.Size? {
  guard let value, !value.isNone else { return nil }
  switch value {
  case .int(let count): return .count(count)
  case .float(let fraction): return .fraction(fraction)
  case .object(let object):
    if object is IntegerConvertible, let count = try? value.asInt() { return .count(count) }
    if let fraction = try? value.asDouble() { return .fraction(fraction) }
  default: break
  }
  throw PyError.valueError("Invalid value for \(name): \(try value.repr())")
}

/// A sequence's length and a way to take its rows.
private enum Splittable {
  case array(NDArray, NDArrayObject.Flavor)
  case list([Value])

  init(_ value: Value, position: Int) throws {
    if let array = value.object(as: NDArrayObject.self) {
      guard !array.array.shape.isEmpty else {
        throw PyError.typeError(
          "train_test_split(): argument \(position) is a 0-d array, which has no rows")
      }
      self = .array(array.array, array.flavor)
    } else if let list = value.object(as: PyList.self) {
      self = .list(list.items)
    } else if let tuple = value.object(as: PyTuple.self) {
      self = .list(tuple.items)
    } else {
      throw PyError.typeError(
        "train_test_split() takes arrays and lists, not \(value.typeName)")
    }
  }

  var count: Int {
    switch self {
    case .array(let array, _): return array.shape.first ?? 0
    case .list(let items): return items.count
    }
  }

  func take(_ indices: [Int]) throws -> Value {
    switch self {
    case .array(let array, let flavor):
      return Value(array: try TrainTestSplit.rows(array, indices), flavor: flavor)
    case .list(let items): return .list(indices.map { items[$0] })
    }
  }
}

private func labels(_ value: Value) throws -> [Double] {
  if value.object(as: NDArrayObject.self) != nil {
    return try value.asNDArray(context: "stratify").values(as: Double.self)
  }
  let items = value.object(as: PyList.self)?.items ?? value.object(as: PyTuple.self)?.items
  guard let items else {
    throw PyError.typeError("train_test_split() argument 'stratify' must be an array or list")
  }
  // Strings become their rank among the distinct labels.
  if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
    let texts = items.map { if case .string(let s) = $0 { return s } else { return "" } }
    let order = Dictionary(
      uniqueKeysWithValues: Array(Set(texts)).sorted().enumerated().map { ($1, Double($0)) })
    return texts.map { order[$0] ?? 0 }
  }
  return try items.map { try $0.asDouble(context: "stratify label") }
}

private func trainTestSplit(_ args: Arguments) throws -> Value {
  let a = try args.bind(
    "train_test_split(*arrays, test_size=None, train_size=None, random_state=None,"
      + " shuffle=True, stratify=None)")
  guard !a.extra.isEmpty else {
    throw PyError.valueError("train_test_split() needs at least one array")
  }
  let parts = try a.extra.enumerated().map { try Splittable($1, position: $0 + 1) }
  let lengths = parts.map(\.count)
  guard Set(lengths).count == 1, let samples = lengths.first else {
    throw PyError.valueError(
      "Found input variables with inconsistent numbers of samples: \(lengths)")
  }
  let generator = try randomGenerator(a.optional("random_state"), function: "train_test_split")
  let (train, test) = try TrainTestSplit.indices(
    samples: samples, test: try splitSize(a.optional("test_size"), name: "test_size"),
    train: try splitSize(a.optional("train_size"), name: "train_size"),
    shuffle: try a.bool("shuffle", default: true),
    stratify: try a.optional("stratify").map(labels), generator: &generator.generator)
  var result: [Value] = []
  for part in parts {
    result.append(try part.take(train))
    result.append(try part.take(test))
  }
  return .list(result)
}
