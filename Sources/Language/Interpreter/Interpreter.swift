import Support

/// How a piece of code shows the values of its expression statements.
public enum DisplayMode: Sendable {
  /// A notebook cell: the last statement's value, unless it ends in `;`.
  case cell
  /// The REPL: every expression statement's value, unless it ends in `;`.
  case interactive
  /// A script or `-c`: nothing is shown.
  case script
}

/// Runs mlscript code in one session: globals persist from one `run` to
/// the next, as in a notebook kernel.
public final class Interpreter {
  /// Where `import` finds built-in modules.
  public let modules: ModuleProvider?
  /// How deep calls may nest before RecursionError.
  public var recursionLimit = 1000

  private var boxes: [String: GlobalBox] = [:]
  private(set) var builtins: [String: Value] = [:]
  private var loadedModules: [String: PyModule] = [:]
  private var sources: [String: [String]] = [:]
  private var depth = 0
  /// The errors being handled by `except` clauses, innermost last, for a
  /// bare `raise`.
  var handledErrors: [PyError] = []

  /// Makes a session with empty globals.
  public init(modules: ModuleProvider?) {
    self.modules = modules
    installTypeMethods()
    builtins = makeBuiltins()
  }

  // MARK: running

  /// Parses and runs `source`, returning the values to display, in order.
  /// Errors arrive as `PyError` with their traceback filled in.
  public func run(
    _ source: String, origin: SourceOrigin, display: DisplayMode
  ) throws -> [Value] {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    sources[sourceKey(origin)] = lines
    let (code, body) = try compile(source, origin: origin, lines: lines)
    let frame = Frame(code: code, interpreter: self, cells: [])
    var shown: [Value] = []
    for (index, statement) in body.enumerated() {
      do {
        try checkInterruption()
        if let expression = statement as? ExprStmt, display != .script {
          let value = try expression.value.eval(frame)
          let visible =
            display == .interactive || index == body.count - 1
          if visible && !expression.silent && !value.isNone { shown.append(value) }
        } else {
          _ = try statement.exec(frame)
        }
      } catch {
        depth = 0
        handledErrors = []
        throw frame.unwind(frame.located(error, statement.pos))
      }
    }
    return shown
  }

  private func compile(
    _ source: String, origin: SourceOrigin, lines: [String]
  ) throws -> (FunctionCode, [Stmt]) {
    let tokens = try Lexer.tokenize(source, origin: origin)
    let code = FunctionCode(name: "<module>", origin: origin, sourceLines: lines, pos: .zero)
    let root = Scope(isModule: true, parent: nil, code: code)
    var parser = Parser(tokens: tokens, origin: origin, lines: lines, scopes: [root])
    let body = try parser.parseProgram()
    try Resolver(globalBox: { [unowned self] in self.box($0) }).resolve(root)
    return (code, body)
  }

  /// Checks `source` for syntax errors without running it; nil when it
  /// parses.
  public func syntaxCheck(_ source: String, origin: SourceOrigin) -> PyError? {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    do {
      let tokens = try Lexer.tokenize(source, origin: origin)
      let code = FunctionCode(name: "<module>", origin: origin, sourceLines: lines, pos: .zero)
      let root = Scope(isModule: true, parent: nil, code: code)
      var parser = Parser(tokens: tokens, origin: origin, lines: lines, scopes: [root])
      _ = try parser.parseProgram()
      return nil
    } catch {
      sources[sourceKey(origin)] = lines
      return pythonError(error)
    }
  }

  private func sourceKey(_ origin: SourceOrigin) -> String {
    "\(origin.file)#\(origin.cell ?? -1)#\(origin.lineOffset)"
  }

  func box(_ name: String) -> GlobalBox {
    if let existing = boxes[name] { return existing }
    let created = GlobalBox(name: name, builtin: builtins[name])
    boxes[name] = created
    return created
  }

  // MARK: calls

  @inline(__always)
  func enterCall() throws {
    depth += 1
    if depth >= recursionLimit {
      depth -= 1
      throw PyError(.recursionError, "maximum recursion depth exceeded")
    }
  }

  func leaveCall() { depth -= 1 }

  func makeCells(_ function: PyFunction) -> [Cell] {
    var cells: [Cell] = []
    cells.reserveCapacity(function.code.ownCellCount + function.closure.count)
    for _ in 0..<function.code.ownCellCount { cells.append(Cell()) }
    cells.append(contentsOf: function.closure)
    return cells
  }

  /// Runs a function's body in a prepared frame.
  func execute(_ function: PyFunction, _ frame: Frame) throws -> Value {
    try execute(code: function.code, frame)
  }

  /// Runs the body of `code` in a prepared frame; the caller keeps the
  /// code alive.
  @inline(__always)
  func execute(code: FunctionCode, _ frame: Frame) throws -> Value {
    try enterCall()
    defer { depth -= 1 }
    if code.hasParameterCells {
      for (slot, cell) in code.parameterCells { frame.cells[cell].value = frame.slots[slot] }
    }
    do {
      if let expression = code.expression {
        return try expression._withUnsafeGuaranteedRef { try $0.eval(frame) }
      }
      if try execStatements(code.statements, frame) == .returned {
        // Moved out rather than copied, which saves a count update.
        var result = Value.none
        swap(&result, &frame.returnValue)
        return result
      }
      return .none
    } catch {
      throw frame.unwind(error)
    }
  }

  /// Calls a function with arguments as a caller wrote them.
  func invoke(_ function: PyFunction, _ arguments: Arguments) throws -> Value {
    let code = function.code
    let frame = code.makeFrame(
      self, cells: code.ownCellCount + code.freeSources.count == 0 ? [] : makeCells(function))
    defer { code.recycle(frame) }
    try bind(function, arguments, into: frame)
    return try execute(function, frame)
  }

  private func bind(_ function: PyFunction, _ arguments: Arguments, into frame: Frame) throws {
    let code = function.code
    let name = code.name
    let positionalCount = code.parameters.count
    var extra: [Value] = []
    for (index, value) in arguments.positional.enumerated() {
      if index < positionalCount {
        frame.slots[index] = value
      } else if code.variadic != nil {
        extra.append(value)
      } else {
        let required = code.requiredCount
        let takes =
          required == positionalCount
          ? "\(positionalCount)" : "from \(required) to \(positionalCount)"
        throw PyError.typeError(
          "\(name)() takes \(takes) positional argument\(positionalCount == 1 ? "" : "s") but "
            + "\(arguments.positional.count) \(arguments.positional.count == 1 ? "was" : "were")"
            + " given")
      }
    }
    let keywordDict = code.keywordVariadic != nil ? PyDict() : nil
    for (keyword, value) in arguments.keywords {
      if let index = code.parameters.firstIndex(of: keyword) {
        if frame.slots[index] != nil {
          throw PyError.typeError("\(name)() got multiple values for argument '\(keyword)'")
        }
        frame.slots[index] = value
      } else if let index = code.keywordOnly.firstIndex(of: keyword) {
        frame.slots[positionalCount + index] = value
      } else if let keywordDict {
        try keywordDict.set(.string(keyword), value)
      } else {
        throw PyError.typeError("\(name)() got an unexpected keyword argument '\(keyword)'")
      }
    }
    let firstDefault = positionalCount - function.defaults.count
    var missing: [String] = []
    for index in 0..<positionalCount where frame.slots[index] == nil {
      if index >= firstDefault {
        frame.slots[index] = function.defaults[index - firstDefault]
      } else {
        missing.append(code.parameters[index])
      }
    }
    if !missing.isEmpty {
      throw PyError.typeError(
        "\(name)() missing \(missing.count) required positional argument"
          + "\(missing.count == 1 ? "" : "s"): \(listNames(missing))")
    }
    var missingKeywords: [String] = []
    for (offset, keyword) in code.keywordOnly.enumerated()
    where frame.slots[positionalCount + offset] == nil {
      if let value = function.keywordDefaults[keyword] {
        frame.slots[positionalCount + offset] = value
      } else {
        missingKeywords.append(keyword)
      }
    }
    if !missingKeywords.isEmpty {
      throw PyError.typeError(
        "\(name)() missing \(missingKeywords.count) required keyword-only argument"
          + "\(missingKeywords.count == 1 ? "" : "s"): \(listNames(missingKeywords))")
    }
    var next = positionalCount + code.keywordOnly.count
    if code.variadic != nil {
      frame.slots[next] = .tuple(extra)
      next += 1
    }
    if let keywordDict { frame.slots[next] = .object(keywordDict) }
  }

  private func listNames(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    if quoted.count == 1 { return quoted[0] }
    if quoted.count == 2 { return quoted[0] + " and " + quoted[1] }
    return quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
  }

  // MARK: names

  /// The NameError for an unknown name, suggesting a close one.
  func nameError(_ name: String, frame: Frame?) -> PyError {
    var candidates = globalNames + Array(builtins.keys)
    if let frame { candidates += frame.code.localNames }
    var error = PyError(.nameError, "name '\(name)' is not defined")
    error.suggestion = closestName(to: name, in: candidates)
    return error
  }

  /// The names bound at top level, sorted.
  public var globalNames: [String] {
    boxes.filter { $0.value.value != nil }.map(\.key).sorted()
  }

  /// Every top-level binding, by name.
  public var globals: [String: Value] {
    var result: [String: Value] = [:]
    for (name, box) in boxes {
      if let value = box.value { result[name] = value }
    }
    return result
  }

  /// The value bound to a top-level name.
  public func global(_ name: String) -> Value? { boxes[name]?.value }

  /// Binds a top-level name.
  public func setGlobal(_ name: String, _ value: Value) { box(name).set(value) }

  /// Removes every top-level name the program bound.
  public func resetGlobals() {
    for box in boxes.values { box.set(nil) }
  }

  /// The built-in names (`print`, `len`, `ValueError`, ...), sorted.
  public var builtinNames: [String] { builtins.keys.sorted() }

  // MARK: modules

  /// The module called `name`, loading it (and its parents) on first use.
  func importModule(_ name: String) throws -> PyModule {
    if let loaded = loadedModules[name] { return loaded }
    let parts = name.split(separator: ".").map(String.init)
    var parent: PyModule?
    var path = ""
    for part in parts {
      path = path.isEmpty ? part : path + "." + part
      if let loaded = loadedModules[path] {
        parent = loaded
        continue
      }
      var module = try modules?.module(named: path)
      if module == nil, let parent,
        case .object(let object as PyModule)? = try parent.attribute(part)
      {
        module = object
      }
      guard let module else {
        throw PyError(.moduleNotFoundError, "No module named '\(path)'")
      }
      if let parent, (try parent.attribute(part)) == nil {
        parent.define(part, .object(module))
      }
      loadedModules[path] = module
      parent = module
    }
    guard let parent else { throw PyError(.moduleNotFoundError, "No module named '\(name)'") }
    return parent
  }

  // MARK: REPL support

  /// Whether `source` is a complete statement, or needs more lines (an
  /// open bracket, a block header, an unterminated triple-quoted string).
  public func isComplete(_ source: String) -> Bool {
    let origin = SourceOrigin(file: "<stdin>")
    let tokens: [Token]
    do {
      tokens = try Lexer.tokenize(source, origin: origin)
    } catch {
      return !pythonError(error).incompleteInput
    }
    if source.hasSuffix("\\") || source.hasSuffix("\\\n") { return false }
    let trimmed = source.split(separator: "\n").last.map(String.init) ?? ""
    if trimmed.trimmingSpaces().hasSuffix(":")
      && !trimmed.trimmingSpaces().hasPrefix("#")
    {
      return false
    }
    if tokens.contains(where: { $0.kind == .indent }) {
      let lastLine = source.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
      if !lastLine.trimmingSpaces().isEmpty { return false }
    }
    if let error = syntaxCheck(source, origin: origin), error.incompleteInput { return false }
    return true
  }

  /// The names that complete `prefix`: globals, built-ins and keywords for
  /// a plain name, attributes for `a.b.c`, keyword arguments inside a call.
  public func completions(for prefix: String) -> [String] {
    var start = prefix.endIndex
    while start > prefix.startIndex {
      let before = prefix[prefix.index(before: start)]
      if before.isLetter || before.isNumber || before == "_" || before == "." {
        start = prefix.index(before: start)
      } else {
        break
      }
    }
    let head = String(prefix[..<start])
    let word = String(prefix[start...])
    if let dot = word.lastIndex(of: ".") {
      let path = String(word[..<dot])
      let partial = String(word[word.index(after: dot)...])
      guard let base = lookupPath(path) else { return [] }
      return attributeNames(of: base).filter { $0.hasPrefix(partial) && !$0.hasPrefix("_") }
        .map { head + path + "." + $0 }
    }
    var names = Set(globalNames).union(builtins.keys).union(keywords)
    if let callee = openCallee(head), case .object(let function as PyFunction) = callee {
      names.formUnion(function.parameterNames.map { $0 + "=" })
    }
    return names.filter { $0.hasPrefix(word) }.sorted().map { head + $0 }
  }

  private func lookupPath(_ path: String) -> Value? {
    let parts = path.split(separator: ".").map(String.init)
    guard let first = parts.first,
      var value = global(first) ?? builtins[first]
    else { return nil }
    for part in parts.dropFirst() {
      guard let next = try? getAttribute(value, part) else { return nil }
      value = next
    }
    return value
  }

  private func openCallee(_ text: String) -> Value? {
    var depth = 0
    var index = text.endIndex
    while index > text.startIndex {
      index = text.index(before: index)
      let c = text[index]
      if c == ")" { depth += 1 }
      if c == "(" {
        if depth == 0 {
          var start = index
          while start > text.startIndex {
            let before = text[text.index(before: start)]
            guard before.isLetter || before.isNumber || before == "_" || before == "." else {
              break
            }
            start = text.index(before: start)
          }
          return lookupPath(String(text[start..<index]))
        }
        depth -= 1
      }
    }
    return nil
  }

  // MARK: tracebacks

  /// The traceback text for an error, as Python prints it, with a caret
  /// span under the failing expression; coloured when `color` is set.
  public func formatTraceback(_ error: PyError, color: Bool) -> String {
    let red = color ? "\u{1B}[31m" : ""
    let bold = color ? "\u{1B}[1;31m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    var text = ""
    if !error.traceback.isEmpty {
      text += "Traceback (most recent call last):\n"
      var previous: (String, Int, String)?
      var repeats = 0
      func flushRepeats() {
        if repeats > 3 {
          let more = repeats - 3
          text += "  [Previous line repeated \(more) more time\(more == 1 ? "" : "s")]\n"
        }
        repeats = 0
      }
      for frame in error.traceback {
        let key = (
          frame.span.origin.file + "#\(frame.span.origin.cell ?? -1)",
          frame.span.line, frame.function
        )
        if let previous, previous == key {
          repeats += 1
          if repeats > 3 { continue }
        } else {
          flushRepeats()
          repeats = 0
        }
        if repeats == 0 { repeats = 1 }
        previous = key
        text += locationLine(frame.span) + ", in \(frame.function)\n"
        text += sourceExcerpt(frame.span, focus: frame.focus, carets: red, reset: reset)
      }
      flushRepeats()
    } else if let location = error.location {
      text += locationLine(location)
      text += (error.locationContext.map { ", in \($0)" } ?? "") + "\n"
      text += syntaxExcerpt(
        location, carets: error.message == "unexpected indent" ? nil : red, reset: reset)
    }
    text += bold + error.type.name + reset
    if !error.message.isEmpty { text += ": " + error.message }
    if let suggestion = error.suggestion { text += ". Did you mean: '\(suggestion)'?" }
    return text + "\n"
  }

  private func locationLine(_ span: SourceSpan) -> String {
    if let cell = span.origin.cell {
      return "  Cell In[\(cell)], line \(span.line - span.origin.lineOffset)"
    }
    return "  File \"\(span.origin.file)\", line \(span.line)"
  }

  private func sourceLine(_ span: SourceSpan, line: Int) -> String? {
    guard let lines = sources[sourceKey(span.origin)] else { return nil }
    let index = line - span.origin.lineOffset - 1
    guard index >= 0 && index < lines.count else { return nil }
    return lines[index]
  }

  private func sourceExcerpt(
    _ span: SourceSpan, focus: SourceSpan?, carets: String, reset: String
  ) -> String {
    guard let line = sourceLine(span, line: span.line) else { return "" }
    let characters = Array(line.unicodeScalars)
    let indent = characters.prefix { $0 == " " || $0 == "\t" }.count
    let stripped = String(String.UnicodeScalarView(characters[indent...]))
      .trimmingTrailingSpaces()
    var text = "    " + stripped + "\n"
    let start = span.column - 1 - indent
    let end = (span.endLine == span.line ? span.endColumn - 1 : characters.count) - indent
    guard start >= 0, end > start, end <= characters.count - indent else { return text }
    if start == 0 && end >= stripped.unicodeScalars.count { return text }
    var marks = ""
    for column in start..<end {
      if let focus, focus.line == span.line {
        let focusStart = focus.column - 1 - indent
        let focusEnd =
          (focus.endLine == focus.line ? focus.endColumn - 1 : characters.count) - indent
        marks += column >= focusStart && column < focusEnd ? "^" : "~"
      } else {
        marks += "^"
      }
    }
    text += "    " + String(repeating: " ", count: start) + carets + marks + reset + "\n"
    return text
  }

  private func syntaxExcerpt(_ span: SourceSpan, carets: String?, reset: String) -> String {
    guard let line = sourceLine(span, line: span.line) else { return "" }
    let characters = Array(line.unicodeScalars)
    let indent = characters.prefix { $0 == " " || $0 == "\t" }.count
    var stripped = String(String.UnicodeScalarView(characters[indent...]))
      .trimmingTrailingSpaces()
    var start = max(0, span.column - 1 - indent)
    var width = max(1, span.endLine == span.line ? span.endColumn - span.column : 1)
    let scalars = Array(stripped.unicodeScalars)
    if scalars.count > 100 {
      // A very long line shows only a window of it around the caret.
      let first = min(max(0, start - 40), max(0, scalars.count - 80))
      let last = min(scalars.count, first + 80)
      let lead = first > 0 ? "..." : ""
      stripped =
        lead + String(String.UnicodeScalarView(scalars[first..<last]))
        + (last < scalars.count ? "..." : "")
      start = min(start, last) - first + lead.count
      width = min(width, max(1, last - first + lead.count - start))
    }
    var text = "    " + stripped + "\n"
    guard let carets else { return text }
    text +=
      "    " + String(repeating: " ", count: start) + carets
      + String(repeating: "^", count: width) + reset + "\n"
    return text
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while let last = copy.last, last == " " || last == "\t" || last == "\r" { copy.removeLast() }
    return copy
  }
}
