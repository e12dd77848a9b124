/// Keras 3's automatic names: one counter per snake-case class name for
/// the whole program run (`dense`, `dense_1`, ...; `functional`, ...).
public enum LayerNaming {
  nonisolated(unsafe) private static var counters: [String: Int] = [:]

  /// The next automatic name for `prefix`.
  public static func uniqueName(_ prefix: String) -> String {
    let used = counters[prefix, default: 0]
    counters[prefix] = used + 1
    return used == 0 ? prefix : "\(prefix)_\(used)"
  }

  /// Forgets every counter, as a fresh Python process would.
  public static func reset() { counters = [:] }

  /// `MaxPooling2D` -> `max_pooling2d`, as Keras spells class names.
  public static func snakeCase(_ name: String) -> String {
    let characters = Array(name)
    // First pass: an underscore before an upper-case letter that starts a
    // lower-case run and follows any character.
    var first: [Character] = []
    for (index, character) in characters.enumerated() {
      if index > 0, character.isUppercase, index + 1 < characters.count,
        characters[index + 1].isLowercase
      {
        first.append("_")
      }
      first.append(character)
    }
    // Second pass: an underscore between a lower-case letter and an upper-case one.
    var second: [Character] = []
    for (index, character) in first.enumerated() {
      if index > 0, character.isUppercase, first[index - 1].isLowercase {
        second.append("_")
      }
      second.append(character)
    }
    return String(second).lowercased()
  }
}
