import Language

/// Tab completion from what the session holds: names, attributes of
/// objects and modules (a dotted chain such as `model.su` or
/// `tf.keras.la`), with `(` after a method.
public struct Completer {
  /// The interpreter whose globals are completed.
  public let interpreter: Interpreter

  /// Makes a completer over a session's interpreter.
  public init(interpreter: Interpreter) {
    self.interpreter = interpreter
  }

  /// The words Python's syntax reserves, offered at the start of a name.
  static let keywords = [
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
  ]

  /// The built-in functions every program can call.
  static let builtins = [
    "abs", "all", "any", "bool", "dict", "dir", "enumerate", "exit", "float", "help",
    "int", "isinstance", "len", "list", "max", "min", "print", "quit", "range", "repr",
    "reversed", "round", "set", "sorted", "str", "sum", "tuple", "type", "zip",
  ]

  /// The whole words that may replace the word ending at the end of
  /// `textBeforeCursor`, sorted.
  public func completions(_ textBeforeCursor: String) -> [String] {
    let word = String(
      textBeforeCursor.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        .reversed())
    if word.first?.isNumber == true { return [] }
    guard let dot = word.lastIndex(of: ".") else {
      let names = Set(interpreter.globalNames + Completer.builtins + Completer.keywords)
      return names.filter { $0.hasPrefix(word) && (!$0.hasPrefix("_") || word.hasPrefix("_")) }
        .sorted()
    }
    let base = String(word[..<dot])
    let prefix = String(word[word.index(after: dot)...])
    guard let object = resolve(base) else { return [] }
    return object.attributeNames()
      .filter { $0.hasPrefix(prefix) && (!$0.hasPrefix("_") || prefix.hasPrefix("_")) }
      .map { name in base + "." + name + (isMethod(object, name) ? "(" : "") }
      .sorted()
  }

  /// The object a dotted chain of names refers to, looked up without
  /// running anything but attribute access.
  private func resolve(_ chain: String) -> PyObject? {
    let parts = chain.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard let first = parts.first, !first.isEmpty, var value = interpreter.global(first) else {
      return nil
    }
    for part in parts.dropFirst() {
      guard case .object(let object) = value, !part.isEmpty,
        let next = try? object.attribute(part)
      else { return nil }
      value = next
    }
    if case .object(let object) = value { return object }
    return nil
  }

  private func isMethod(_ object: PyObject, _ name: String) -> Bool {
    if object.type.methods[name] != nil { return true }
    guard object is PyModule, let member = try? object.attribute(name),
      case .object(let value) = member
    else { return false }
    return value is BuiltinFunction || value is BoundMethod
  }
}
