import Tensors

/// Where initialisers and Dropout get their randomness: a generator fixed
/// by `tf.random.set_seed` / `keras.utils.set_random_seed`, or else the
/// process's unseeded stream.
public enum NetworkRandom {
  nonisolated(unsafe) private static var seeded: RandomGenerator?

  /// Fixes the global seed, so the runs after it repeat.
  public static func setSeed(_ seed: UInt64) {
    seeded = RandomGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 0x1234_5678)
  }

  /// A generator for one consumer (an initialiser, a Dropout layer).
  public static func makeGenerator() -> RandomGenerator {
    if var generator = seeded {
      let child = generator.split()
      seeded = generator
      return child
    }
    return SessionSeed.makeGenerator()
  }
}
