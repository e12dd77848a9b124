import Language

/// Formats shown values as IPython's display hook does: a value's repr
/// when it fits in 79 columns, otherwise lists, tuples and dicts broken
/// one element per line, aligned under the opening bracket.
enum PrettyPrinter {
  /// IPython's default maximum line width.
  static let width = 79

  /// The text shown for `value`.
  static func format(_ value: Value) throws -> String {
    try format(value, indent: 0)
  }

  private static func format(_ value: Value, indent: Int) throws -> String {
    let flat = try value.repr()
    guard indent + flat.count > width, !flat.contains("\n") else { return flat }
    let pad = "\n" + String(repeating: " ", count: indent + 1)

    if let list = value.object(as: PyList.self), !list.items.isEmpty {
      let items = try list.items.map { try format($0, indent: indent + 1) }
      return "[" + items.joined(separator: "," + pad) + "]"
    }
    if let tuple = value.object(as: PyTuple.self), !tuple.items.isEmpty {
      let items = try tuple.items.map { try format($0, indent: indent + 1) }
      let close = items.count == 1 ? ",)" : ")"
      return "(" + items.joined(separator: "," + pad) + close
    }
    if let dict = value.object(as: PyDict.self), try dict.length() > 0 {
      let items = try dict.pairs.map { pair in
        let key = try pair.key.repr()
        return key + ": " + (try format(pair.value, indent: indent + 1 + key.count + 2))
      }
      return "{" + items.joined(separator: "," + pad) + "}"
    }
    return flat
  }
}
