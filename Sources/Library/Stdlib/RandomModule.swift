import Foundation
import Language
import Tensors

/// The state of the `random` module: one generator, reseeded by `seed`.
private final class RandomState {
  var generator = SessionSeed.makeGenerator()
}

/// The `random` module, drawing from the project's seeded generator.
func makeRandomModule() throws -> PyModule {
  let module = PyModule("random", doc: "Random numbers, as Python's random module.")
  let state = RandomState()
  module.function("seed", doc: "seed(a=None)") { args in
    let bound = try args.bind("seed(a=None)")
    if let value = bound.optional("a") {
      let seed: UInt64
      if case .string(let text) = value {
        seed = text.unicodeScalars.reduce(1469598103934665603) {
          ($0 ^ UInt64($1.value)) &* 1099511628211
        }
      } else {
        seed = UInt64(bitPattern: Int64(try value.asInt()))
      }
      state.generator = RandomGenerator(seed: seed)
    } else {
      state.generator = SessionSeed.makeGenerator()
    }
    return .none
  }
  module.function("random", doc: "random(): a float in [0, 1).") { _ in
    .float(state.generator.nextDouble())
  }
  module.function("uniform", doc: "uniform(a, b)") { args in
    let bound = try args.bind("uniform(a, b)")
    let a = try bound.double("a")
    let b = try bound.double("b")
    return .float(a + (b - a) * state.generator.nextDouble())
  }
  module.function("gauss", doc: "gauss(mu=0.0, sigma=1.0)") { args in
    let bound = try args.bind("gauss(mu=0.0, sigma=1.0)")
    let mu = try bound.double("mu", default: 0)
    let sigma = try bound.double("sigma", default: 1)
    return .float(mu + sigma * state.generator.nextNormal())
  }
  module.define("normalvariate", try module.attribute("gauss") ?? .none)
  func below(_ bound: Int) throws -> Int {
    guard bound > 0 else { throw PyError.valueError("empty range for randrange()") }
    return state.generator.nextInt(below: bound)
  }
  /// A value `first + stride * k` for a uniform `k` in `0..<count`, where
  /// `count` is at most 2**64 and every such value is an Int.
  func pick(first: Int, stride: Int, count: Int128) throws -> Int {
    let k = Int128(state.generator.nextUInt64(below: UInt64(truncatingIfNeeded: count)))
    guard let value = Int(exactly: Int128(first) + Int128(stride) * k) else {
      throw PyError(.overflowError, "random value too large (mlscript ints are 64-bit)")
    }
    return value
  }
  module.function("randint", doc: "randint(a, b): an int in [a, b].") { args in
    let bound = try args.bind("randint(a, b)")
    let a = try bound.int("a")
    let b = try bound.int("b")
    guard b >= a else {
      throw PyError.valueError("empty range in randint(\(a), \(b))")
    }
    return .int(try pick(first: a, stride: 1, count: Int128(b) - Int128(a) + 1))
  }
  module.function("randrange", doc: "randrange(start, stop=None, step=1)") { args in
    let bound = try args.bind("randrange(start, stop=None, step=1)")
    var start = try bound.int("start")
    var stop = 0
    if let end = bound.optional("stop") {
      stop = try end.asInt()
    } else {
      stop = start
      start = 0
    }
    let step = try bound.int("step", default: 1)
    guard step != 0 else { throw PyError.valueError("zero step for randrange()") }
    let count = PyRange(start: start, stop: stop, step: step).wideCount
    guard count > 0 else { throw PyError.valueError("empty range for randrange()") }
    return .int(try pick(first: start, stride: step, count: count))
  }
  module.function("choice", doc: "choice(seq)") { args in
    let sequence = try args.bind("choice(seq)")["seq"] ?? .none
    if let range = sequence.object(as: PyRange.self) {
      // Picking by index keeps a huge range unmaterialised.
      let count = try range.length()
      guard count > 0 else {
        throw PyError(.indexError, "Cannot choose from an empty sequence")
      }
      return .int(range.element(at: try below(count)))
    }
    let items = try collectItems(sequence)
    guard !items.isEmpty else {
      throw PyError(.indexError, "Cannot choose from an empty sequence")
    }
    return items[try below(items.count)]
  }
  module.function("shuffle", doc: "shuffle(x): shuffles a list in place.") { args in
    guard let list = (try args.bind("shuffle(x)")["x"])?.object(as: PyList.self) else {
      throw PyError.typeError("shuffle() argument must be a list")
    }
    var index = list.items.count - 1
    while index > 0 {
      list.items.swapAt(index, try below(index + 1))
      index -= 1
    }
    return .none
  }
  module.function("sample", doc: "sample(population, k)") { args in
    let bound = try args.bind("sample(population, k)")
    var items = try collectItems(bound["population"] ?? .none)
    let k = try bound.int("k")
    guard k >= 0 && k <= items.count else {
      throw PyError.valueError("Sample larger than population or is negative")
    }
    for index in 0..<k { items.swapAt(index, index + (try below(items.count - index))) }
    return .list(Array(items.prefix(k)))
  }
  return module
}
