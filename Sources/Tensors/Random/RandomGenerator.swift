/// The one seeded pseudo-random generator family behind `np.random`,
/// `tf.random`, Dropout masks, weight initialisers and the toy data sets.
///
/// It is xoshiro256** seeded through splitmix64, so a seed gives the same
/// stream on every machine and in every run.
public struct RandomGenerator: Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)
  private var spareNormal: Double? = nil

  /// Makes a generator whose stream is fixed by `seed`.
  public init(seed: UInt64) {
    var mix = seed
    func next() -> UInt64 {
      mix &+= 0x9E37_79B9_7F4A_7C15
      var z = mix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (next(), next(), next(), next())
  }

  /// The next 64 random bits.
  public mutating func nextUInt64() -> UInt64 {
    let result = rotate(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotate(state.3, 45)
    return result
  }

  /// A double uniformly drawn from [0, 1), with 53 random bits.
  public mutating func nextDouble() -> Double {
    Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// A float uniformly drawn from [0, 1), with 24 random bits.
  public mutating func nextFloat() -> Float {
    Float(nextUInt64() >> 40) * (1.0 / 16_777_216.0)
  }

  /// An integer uniformly drawn from `0..<bound`, without modulo bias.
  public mutating func nextInt(below bound: Int) -> Int {
    guard bound > 1 else { return 0 }
    let limit = UInt64(bound)
    let threshold = (0 &- limit) % limit
    while true {
      let value = nextUInt64()
      let (high, low) = value.multipliedFullWidth(by: limit)
      if low >= threshold { return Int(high) }
    }
  }

  /// An integer uniformly drawn from `0..<bound`, without modulo bias; a
  /// bound of zero stands for 2**64, the whole range.
  public mutating func nextUInt64(below bound: UInt64) -> UInt64 {
    guard bound != 0 else { return nextUInt64() }
    let threshold = (0 &- bound) % bound
    while true {
      let (high, low) = nextUInt64().multipliedFullWidth(by: bound)
      if low >= threshold { return high }
    }
  }

  /// A standard normal sample (Marsaglia's polar method).
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    while true {
      let u = 2 * nextDouble() - 1
      let v = 2 * nextDouble() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let factor = (-2 * log(s) / s).squareRoot()
        spareNormal = v * factor
        return u * factor
      }
    }
  }

  /// A child generator whose stream is independent of this one's.
  public mutating func split() -> RandomGenerator {
    RandomGenerator(seed: nextUInt64())
  }

  private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}

#if canImport(Glibc)
  import Glibc
#endif
