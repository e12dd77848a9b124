import Language
import Networks
import Tensors

/// The `tensorflow` module: `tf.keras`, `tf.nn`'s activations,
/// `tf.random.set_seed` and `tf.__version__`.
func makeTensorFlowModule() throws -> PyModule {
  let tf = PyModule("tensorflow")
  tf.define("__version__", .string(kerasRuntimeVersion))
  tf.define("keras", .object(KerasTree.shared.keras))

  let nn = PyModule("tensorflow.nn")
  for kind in ActivationKernel.allCases where kind != .linear {
    nn.define(kind.rawValue, .object(ActivationObject(kind)))
  }
  tf.define("nn", .object(nn))

  let random = PyModule("tensorflow.random")
  random.function("set_seed") { args in
    let a = try args.bind("set_seed(seed)")
    let seed = try a.int("seed")
    NetworkRandom.setSeed(UInt64(bitPattern: Int64(seed)))
    return .none
  }
  tf.define("random", .object(random))
  tf.define("float32", .string("float32"))
  return tf
}
