/// CPython's hash values for numbers and tuples of them, so `hash(x)` and
/// the iteration order of sets of numbers come out as they do in CPython.
///
/// Numbers hash by their value modulo the Mersenne prime 2**61 - 1, which
/// makes equal numbers of different types (`1`, `1.0`, `True`) hash alike.
public enum NumericHash {
  /// The prime 2**61 - 1 that numeric hashes reduce by.
  public static let modulus = (1 << 61) - 1

  /// The hash of an int: its value modulo the prime, keeping the sign.
  public static func of(_ number: Int) -> Int {
    let reduced = Int(number.magnitude % UInt(modulus))
    return avoidingMinusOne(number < 0 ? -reduced : reduced)
  }

  /// The hash of a float; nil for NaN, whose hash depends on its identity.
  public static func of(_ number: Double) -> Int? {
    if number.isNaN { return nil }
    if number.isInfinite { return number < 0 ? -314_159 : 314_159 }
    if number == 0 { return 0 }

    // A finite double is exactly mantissa * 2**exponent with an integer
    // mantissa below 2**53; since 2**61 == 1 modulo the prime, scaling by a
    // power of two is a rotation of the 61-bit residue.
    let magnitude = number.magnitude
    var mantissa = UInt(magnitude.significandBitPattern)
    var exponent = -1074
    if magnitude.isNormal {
      mantissa |= 1 << 52
      exponent = Int(magnitude.exponent) - 52
    }
    let shift = ((exponent % 61) + 61) % 61
    let residue = rotate(mantissa % UInt(modulus), by: shift)
    let signed = Int(residue)
    return avoidingMinusOne(number < 0 ? -signed : signed)
  }

  /// The hash of a tuple whose items hash to `hashes` (CPython's
  /// xxHash-based combination).
  public static func ofTuple(_ hashes: [Int]) -> Int {
    let prime1: UInt = 11_400_714_785_074_694_791
    let prime2: UInt = 14_029_467_366_897_019_727
    let prime5: UInt = 2_870_177_450_012_600_261
    var accumulator = prime5
    for hash in hashes {
      accumulator = accumulator &+ UInt(bitPattern: hash) &* prime2
      accumulator = (accumulator << 31) | (accumulator >> 33)
      accumulator = accumulator &* prime1
    }
    accumulator = accumulator &+ (UInt(hashes.count) ^ (prime5 ^ 3_527_539))
    if accumulator == UInt.max { return 1_546_275_796 }
    return Int(bitPattern: accumulator)
  }

  private static func rotate(_ residue: UInt, by shift: Int) -> UInt {
    guard shift > 0 else { return residue }
    let mask = UInt(modulus)
    return ((residue << shift) & mask) | (residue >> (61 - shift))
  }

  // CPython reserves -1 as its error marker, so no hash is ever -1.
  private static func avoidingMinusOne(_ hash: Int) -> Int { hash == -1 ? -2 : hash }
}

extension Value {
  /// CPython's hash of this value when it does not depend on the process
  /// (numbers, booleans, tuples of those); nil for strings, None and
  /// objects, whose CPython hashes are randomized or address-based.
  public func numericHash() throws -> Int? {
    switch self {
    case .none, .string: return nil
    case .bool(let flag): return flag ? 1 : 0
    case .int(let number): return NumericHash.of(number)
    case .float(let number): return NumericHash.of(number)
    case .object(let object): return try object.numericHash()
    }
  }
}
