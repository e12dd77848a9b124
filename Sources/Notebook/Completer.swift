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
  /// `textBeforeCursor`, sorted: the interpreter's completions, with `(`
  /// after methods and the keyword arguments of built-in functions.
  public func completions(_ textBeforeCursor: String) -> [String] {
    let word = textBeforeCursor.reversed().prefix {
      $0.isLetter || $0.isNumber || $0 == "_" || $0 == "."
    }.count
    let head = textBeforeCursor.dropLast(word)
    let fromInterpreter = interpreter.completions(for: textBeforeCursor).compactMap {
      $0.hasPrefix(head) ? String($0.dropFirst(head.count)) : nil
    }
    let own = ownCompletions(textBeforeCursor)
    // Where both offer a name, the one ending in `(` or `=` says more.
    let decorated = Set(own.filter { $0.hasSuffix("(") || $0.hasSuffix("=") }.map { $0.dropLast() })
    let plain = fromInterpreter.filter { !decorated.contains(Substring($0)) }
    return Array(Set(own + plain)).sorted()
  }

  /// Completions found by looking at the session's objects directly.
  func ownCompletions(_ textBeforeCursor: String) -> [String] {
    let word = String(
      textBeforeCursor.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        .reversed())
    if word.first?.isNumber == true { return [] }
    guard let dot = word.lastIndex(of: ".") else {
      let names = Set(interpreter.globalNames + Completer.builtins + Completer.keywords)
      let keywords = keywordArguments(textBeforeCursor.dropLast(word.count))
        .filter { $0.hasPrefix(word) }.map { $0 + "=" }
      return keywords
        + names.filter { $0.hasPrefix(word) && (!$0.hasPrefix("_") || word.hasPrefix("_")) }
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

  /// The parameter names of the call the cursor is inside, read from the
  /// callee's documented signature (`fit(x, y, epochs=1)`).
  func keywordArguments(_ before: Substring) -> [String] {
    var depth = 0
    var open: String.Index?
    var index = before.endIndex
    while index > before.startIndex {
      index = before.index(before: index)
      let character = before[index]
      if character == ")" || character == "]" { depth += 1 }
      if character == "(" || character == "[" {
        if depth == 0 {
          open = index
          break
        }
        depth -= 1
      }
    }
    guard let open, before[open] == "(" else { return [] }
    let callee = String(
      before[..<open].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        .reversed())
    guard !callee.isEmpty, let object = resolve(callee), let doc = object.doc else { return [] }
    let name = callee.split(separator: ".").last.map(String.init) ?? callee
    return Completer.parameterNames(doc: doc, function: name)
  }

  /// The names in a signature line `name(a, b=1, *, c=2)` within `doc`.
  public static func parameterNames(doc: String, function: String) -> [String] {
    guard let start = doc.firstRange(of: function + "(") else { return [] }
    let rest = doc[start.upperBound...]
    guard let close = rest.firstIndex(of: ")") else { return [] }
    return rest[..<close].split(separator: ",").compactMap { part in
      let name = part.split(separator: "=").first.map { String($0).trimmingSpaces() } ?? ""
      let valid = !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
      return valid && name != "self" ? name : nil
    }
  }

  /// The object a dotted chain of names refers to, looked up without
  /// running anything but attribute access.
  func resolve(_ chain: String) -> PyObject? {
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
