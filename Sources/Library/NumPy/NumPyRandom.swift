import Language
import Tensors

/// `numpy.random`: the legacy functions on one global generator, and
/// `default_rng(seed)` generators.
func makeNumPyRandomModule() -> PyModule {
  let random = PyModule("numpy.random")
  random.function("seed") { args in
    let a = try args.bind("seed(seed=None)")
    if let seed = a.optional("seed") {
      let number = try seed.asInt(context: "seed()")
      guard number >= 0 && number <= 0xFFFF_FFFF else {
        throw PyError(.valueError, "Seed must be between 0 and 2**32 - 1")
      }
      GlobalRandom.seed(UInt64(number))
    } else {
      GlobalRandom.generator = SessionSeed.makeGenerator()
    }
    return .none
  }
  random.function("rand") { args in
    let shape = try args.positional.map { try $0.asInt(context: "rand()") }
    return Value(array: try GlobalRandom.generator.uniform(shape))
  }
  random.function("randn") { args in
    let shape = try args.positional.map { try $0.asInt(context: "randn()") }
    return Value(array: try GlobalRandom.generator.normal(shape))
  }
  random.function("random") { args in
    let a = try args.bind("random(size=None)")
    return Value(array: try GlobalRandom.generator.uniform(try a.shape("size")))
  }
  random.function("randint") { args in
    let a = try args.bind("randint(low, high=None, size=None, dtype=int)")
    var low = try a.intArg("low")
    var high = try a.optional("high").map { try $0.asInt() } ?? low
    if a.optional("high") == nil { low = 0 } else { high = try a.intArg("high") }
    return Value(
      array: try GlobalRandom.generator.integers(try a.shape("size"), low: low, high: high))
  }
  random.function("uniform") { args in
    let a = try args.bind("uniform(low=0.0, high=1.0, size=None)")
    return Value(
      array: try GlobalRandom.generator.uniform(
        try a.shape("size"), low: try a.doubleArg("low"), high: try a.doubleArg("high")))
  }
  random.function("normal") { args in
    let a = try args.bind("normal(loc=0.0, scale=1.0, size=None)")
    return Value(
      array: try GlobalRandom.generator.normal(
        try a.shape("size"), mean: try a.doubleArg("loc"), deviation: try scale(a)))
  }
  random.function("choice") { args in
    let a = try args.bind("choice(a, size=None, replace=True, p=None)")
    return try choose(&GlobalRandom.generator, a)
  }
  random.function("permutation") { args in
    let a = try args.bind("permutation(x)")
    return try permute(&GlobalRandom.generator, a["x"] ?? .none)
  }
  random.function("shuffle") { args in
    let a = try args.bind("shuffle(x)")
    let value = a["x"] ?? .none
    if let list = value.object(as: PyList.self) {
      let order = GlobalRandom.generator.permutation(list.items.count)
      list.items = order.map { list.items[$0] }
      return .none
    }
    let array = try value.asNDArray()
    let order = GlobalRandom.generator.permutation(array.shape.first ?? 0)
    let indices = try NDArray(order.map { Int64($0) }, shape: [order.count])
    try array.assign([], try array.subscripted([.array(indices)]))
    return .none
  }
  random.function("default_rng") { args in
    let a = try args.bind("default_rng(seed=None)")
    let generator =
      try a.optional("seed").map {
        let number = try $0.asInt(context: "default_rng()")
        guard number >= 0 else { throw PyError(.valueError, "expected non-negative integer") }
        return RandomGenerator(seed: UInt64(number))
      } ?? SessionSeed.makeGenerator()
    return .object(NumPyGenerator(generator))
  }
  return random
}

/// The `scale` of a normal draw, which NumPy requires to be non-negative.
private func scale(_ a: BoundArguments) throws -> Double {
  let value = try a.doubleArg("scale")
  guard value >= 0 else { throw PyError(.valueError, "scale < 0") }
  return value
}

private func choose(_ generator: inout RandomGenerator, _ a: BoundArguments) throws -> Value {
  let source = a["a"] ?? .none
  let population: NDArray
  if case .int(let n) = source {
    population = try NDArray.arange(start: 0, stop: Double(n), dtype: .int64)
  } else {
    population = try source.asNDArray(context: "choice() argument 'a'")
  }
  let shape = try a.shape("size")
  let count = shape.reduce(1, *)
  let weights = try a.optional("p").map { try $0.asNDArray().values(as: Double.self) }
  let picks = try generator.choice(
    population.shape.first ?? 0, size: count, replace: try a.boolArg("replace"), p: weights)
  let indices = try NDArray(picks.map { Int64($0) }, shape: [picks.count])
  let chosen = try population.subscripted([.array(indices)])
  if a.optional("size") == nil { return Value(array: try chosen.subscripted([.index(0)])) }
  return Value(array: try chosen.reshaped(shape + Array(population.shape.dropFirst())))
}

private func permute(_ generator: inout RandomGenerator, _ value: Value) throws -> Value {
  if case .int(let n) = value {
    _ = try NDArray.elementCount([max(n, 0)], dtype: .int64)
    return Value(array: try NDArray(generator.permutation(n).map { Int64($0) }, shape: [max(n, 0)]))
  }
  let array = try value.asNDArray()
  let order = generator.permutation(array.shape.first ?? 0)
  let indices = try NDArray(order.map { Int64($0) }, shape: [order.count])
  return Value(array: try array.subscripted([.array(indices)]))
}

/// A `numpy.random.Generator` from `default_rng(seed)`.
final class NumPyGenerator: PyObject {
  var generator: RandomGenerator

  init(_ generator: RandomGenerator) { self.generator = generator }

  override var type: PyType { Self.pyType }

  override func repr() throws -> String { "Generator(PCG64)" }

  private static let pyType = PyType("Generator") { t in
    t.method("random") { (g: NumPyGenerator, args) in
      let a = try args.bind("random(size=None, dtype=None)")
      return Value(array: try g.generator.uniform(try a.shape("size")))
    }
    t.method("integers") { (g: NumPyGenerator, args) in
      let a = try args.bind("integers(low, high=None, size=None, endpoint=False)")
      var low = try a.intArg("low")
      var high: Int
      if let given = a.optional("high") {
        high = try given.asInt()
      } else {
        high = low
        low = 0
      }
      if try a.boolArg("endpoint") {
        // TODO: an inclusive high of 2**63 - 1 is valid in NumPy but needs a
        // span wider than Int; it is refused instead of overflowing.
        let (next, overflow) = high.addingReportingOverflow(1)
        guard !overflow else { throw PyError(.valueError, "high is out of bounds for int64") }
        high = next
      }
      return Value(array: try g.generator.integers(try a.shape("size"), low: low, high: high))
    }
    t.method("normal") { (g: NumPyGenerator, args) in
      let a = try args.bind("normal(loc=0.0, scale=1.0, size=None)")
      return Value(
        array: try g.generator.normal(
          try a.shape("size"), mean: try a.doubleArg("loc"), deviation: try scale(a)))
    }
    t.method("standard_normal") { (g: NumPyGenerator, args) in
      let a = try args.bind("standard_normal(size=None)")
      return Value(array: try g.generator.normal(try a.shape("size")))
    }
    t.method("uniform") { (g: NumPyGenerator, args) in
      let a = try args.bind("uniform(low=0.0, high=1.0, size=None)")
      return Value(
        array: try g.generator.uniform(
          try a.shape("size"), low: try a.doubleArg("low"), high: try a.doubleArg("high")))
    }
    t.method("choice") { (g: NumPyGenerator, args) in
      let a = try args.bind("choice(a, size=None, replace=True, p=None)")
      return try choose(&g.generator, a)
    }
    t.method("permutation") { (g: NumPyGenerator, args) in
      let a = try args.bind("permutation(x)")
      return try permute(&g.generator, a["x"] ?? .none)
    }
  }
}

/// `numpy.linalg`.
func makeLinalgModule() -> PyModule {
  let linalg = PyModule("numpy.linalg")
  linalg.function("norm") { args in
    let a = try args.bind("norm(x, ord=None, axis=None, keepdims=False)")
    var order: Double? = nil
    if let given = a.optional("ord") {
      if case .string(let name) = given, name == "fro" {
        order = nil
      } else {
        order = try given.asDouble(context: "norm() ord")
      }
    }
    return Value(
      array: try a.array("x").norm(
        order: order, axes: try a.axes(), keepdims: try a.boolArg("keepdims")))
  }
  return linalg
}
