#if canImport(Glibc)
  import Glibc
#endif

/// Where unseeded randomness starts: NumPy's global generator, Keras's
/// initialisers and Dropout before `tf.random.set_seed`, data sets with
/// `random_state=None`.
///
/// `MLSCRIPT_SEED` in the environment fixes it, so a whole lesson runs
/// the same way twice (the tests rely on this); otherwise it comes from
/// the clock, as NumPy's and TensorFlow's do.
public enum SessionSeed {
  /// The seed of this process's unseeded generators.
  nonisolated(unsafe) public static var value: UInt64 = initialSeed()

  /// A fresh generator for a consumer that was given no seed; successive
  /// calls give independent streams.
  public static func makeGenerator() -> RandomGenerator {
    counter &+= 1
    return RandomGenerator(seed: value &+ counter &* 0x9E37_79B9_7F4A_7C15)
  }

  nonisolated(unsafe) private static var counter: UInt64 = 0

  private static func initialSeed() -> UInt64 {
    if let text = getenv("MLSCRIPT_SEED"), let seed = UInt64(String(cString: text)) {
      return seed
    }
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return UInt64(bitPattern: Int64(now.tv_sec)) &* 1_000_000_007
      &+ UInt64(bitPattern: Int64(now.tv_nsec))
  }
}
