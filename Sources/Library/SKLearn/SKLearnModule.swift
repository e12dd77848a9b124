import Language
import Tensors

/// The `sklearn` module: `sklearn.datasets` and `sklearn.model_selection`.
func makeSKLearnModule() throws -> PyModule {
  let module = PyModule("sklearn", doc: "scikit-learn's toy data sets and train/test split.")
  module.define("__version__", .string("1.9.1"))
  module.define("datasets", .object(makeDatasetsModule()))
  module.define("model_selection", .object(makeModelSelectionModule()))
  return module
}

/// The generator a `random_state` argument asks for: seeded by an int,
/// the session's stream for None.
func randomGenerator(_ value: Value?, function: String) throws -> RandomGeneratorBox {
  guard let value, !value.isNone else { return RandomGeneratorBox(SessionSeed.makeGenerator()) }
  if case .bool = value {
    throw PyError.typeError("\(function)() argument 'random_state' must be an int or None")
  }
  guard let seed = try? value.asInt() else {
    throw PyError.typeError(
      "\(function)() argument 'random_state' must be an int or None, not \(value.typeName)")
  }
  return RandomGeneratorBox(RandomGenerator(seed: UInt64(bitPattern: Int64(seed))))
}

/// A generator passed by reference through the binding helpers.
final class RandomGeneratorBox {
  var generator: RandomGenerator
  init(_ generator: RandomGenerator) { self.generator = generator }
}
