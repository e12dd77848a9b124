import DataFiles
import Language
import Tensors

/// `sklearn.datasets`: make_moons, make_circles, make_blobs.
func makeDatasetsModule() -> PyModule {
  let module = PyModule("sklearn.datasets", doc: "Synthetic data sets.")
  module.function(
    "make_moons",
    doc: "make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None)"
  ) { args in
    let a = try args.bind(
      "make_moons(n_samples=100, *, shuffle=True, noise=None, random_state=None)")
    let (outer, inner) = try twoCounts(a["n_samples"], function: "make_moons")
    let box = try randomGenerator(a.optional("random_state"), function: "make_moons")
    let (x, y) = try ToyData.moons(
      outer: outer, inner: inner, shuffle: try a.bool("shuffle", default: true),
      noise: try a.optional("noise").map {
        try $0.asDouble(context: "make_moons() argument 'noise'")
      },
      generator: &box.generator)
    return .tuple([Value(array: x), Value(array: y)])
  }
  module.function(
    "make_circles",
    doc: "make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8)"
  ) { args in
    let a = try args.bind(
      "make_circles(n_samples=100, *, shuffle=True, noise=None, random_state=None, factor=0.8)")
    let (outer, inner) = try twoCounts(a["n_samples"], function: "make_circles")
    let box = try randomGenerator(a.optional("random_state"), function: "make_circles")
    let (x, y) = try ToyData.circles(
      outer: outer, inner: inner, shuffle: try a.bool("shuffle", default: true),
      noise: try a.optional("noise").map {
        try $0.asDouble(context: "make_circles() argument 'noise'")
      },
      factor: try a.double("factor", default: 0.8), generator: &box.generator)
    return .tuple([Value(array: x), Value(array: y)])
  }
  module.function(
    "make_blobs",
    doc: "make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0,"
      + " center_box=(-10.0, 10.0), shuffle=True, random_state=None, return_centers=False)"
  ) { args in
    try makeBlobs(args)
  }
  return module
}

/// `n_samples` as (outer, inner): an int splits in two (the inner half
/// gets the odd one), a pair gives both.
private func twoCounts(_ value: Value?, function: String) throws -> (Int, Int) {
  guard let value else { return (50, 50) }
  let context = "\(function)() argument 'n_samples'"
  if let tuple = value.object(as: PyTuple.self) {
    guard tuple.items.count == 2 else {
      throw PyError.valueError("\(context) must be an int or a pair (n_out, n_in)")
    }
    return (try tuple.items[0].asInt(context: context), try tuple.items[1].asInt(context: context))
  }
  if let list = value.object(as: PyList.self), list.items.count == 2 {
    return (try list.items[0].asInt(context: context), try list.items[1].asInt(context: context))
  }
  let total = try value.asInt(context: context)
  guard total >= 0 else { throw PyError.valueError("\(context) must be non-negative") }
  return (total / 2, total - total / 2)
}

private func numbers(_ value: Value, context: String) throws -> [Double] {
  if let list = value.object(as: PyList.self) {
    return try list.items.map { try $0.asDouble(context: context) }
  }
  if let tuple = value.object(as: PyTuple.self) {
    return try tuple.items.map { try $0.asDouble(context: context) }
  }
  if value.object(as: NDArrayObject.self) != nil {
    return try value.asNDArray(context: context).values(as: Double.self)
  }
  return [try value.asDouble(context: context)]
}

private func makeBlobs(_ args: Arguments) throws -> Value {
  let a = try args.bind(
    "make_blobs(n_samples=100, n_features=2, *, centers=None, cluster_std=1.0,"
      + " center_box=None, shuffle=True, random_state=None, return_centers=False)")
  let samplesValue = a["n_samples"] ?? .int(100)
  let samplesContext = "make_blobs() argument 'n_samples'"
  let samples: [Int]
  var perCenterGiven = false
  if case .int(let total) = samplesValue {
    guard total >= 0 else { throw PyError.valueError("\(samplesContext) must be non-negative") }
    samples = [total]
  } else if let integer = try? samplesValue.asInt() {
    samples = [integer]
  } else {
    samples = try numbers(samplesValue, context: samplesContext).map { Int($0) }
    perCenterGiven = true
  }
  let features = try a.int("n_features", default: 2)
  var centers: ToyData.BlobCenters
  if let given = a.optional("centers") {
    if let count = try? given.asInt(), given.object(as: NDArrayObject.self) == nil {
      centers = .count(count)
    } else {
      centers = .points(try rows(given, context: "make_blobs() argument 'centers'"))
    }
  } else {
    centers = .count(perCenterGiven ? samples.count : 3)
  }
  if perCenterGiven, case .count(let count) = centers, count != samples.count {
    throw PyError.valueError(
      "make_blobs(): \(samples.count) sample counts need as many centres, not \(count)")
  }
  let spreads = try numbers(
    a["cluster_std"] ?? .float(1), context: "make_blobs() argument 'cluster_std'")
  let box = try numbers(
    a.optional("center_box") ?? .tuple([.float(-10), .float(10)]),
    context: "make_blobs() argument 'center_box'")
  guard box.count == 2 else {
    throw PyError.valueError("make_blobs() argument 'center_box' must be a pair (min, max)")
  }
  let generator = try randomGenerator(a.optional("random_state"), function: "make_blobs")
  let (x, y, centerArray) = try ToyData.blobs(
    samples: samples, features: features, centers: centers, clusterStd: spreads,
    box: (box[0], box[1]), shuffle: try a.bool("shuffle", default: true),
    generator: &generator.generator)
  if try a.bool("return_centers", default: false) {
    return .tuple([Value(array: x), Value(array: y), Value(array: centerArray)])
  }
  return .tuple([Value(array: x), Value(array: y)])
}

private func rows(_ value: Value, context: String) throws -> [[Double]] {
  if value.object(as: NDArrayObject.self) != nil {
    let array = try value.asNDArray(context: context)
    guard array.ndim == 2, array.shape[1] > 0 else {
      throw PyError.valueError("\(context) must be a 2-d array of centres")
    }
    let flat = array.values(as: Double.self)
    let width = array.shape[1]
    return (0..<array.shape[0]).map { Array(flat[($0 * width)..<(($0 + 1) * width)]) }
  }
  let items = value.object(as: PyList.self)?.items ?? value.object(as: PyTuple.self)?.items
  guard let items else { throw PyError.typeError("\(context) must be an int or a 2-d array") }
  return try items.map { try numbers($0, context: context) }
}
