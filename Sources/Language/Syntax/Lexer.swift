/// Splits program text into tokens, turning indentation into INDENT and
/// DEDENT tokens and joining lines inside brackets.
struct Lexer {
  private let chars: [Unicode.Scalar]
  private let origin: SourceOrigin
  private var index = 0
  private var line = 1
  private var lineStart = 0
  private var indents = [0]
  /// The same indentation measured with tabs one column wide: a line whose
  /// level depends on the tab width mixes tabs and spaces ambiguously.
  private var tabFreeIndents = [0]
  private var brackets: [(Unicode.Scalar, Pos)] = []
  private var tokens: [Token] = []
  private var atLineStart = true

  /// The deepest bracket nesting accepted, as in CPython.
  static let maximumNesting = 200
  /// The deepest indentation accepted, as in CPython.
  static let maximumIndentation = 100

  init(_ source: String, origin: SourceOrigin) {
    // A UTF-8 byte order mark some editors write is not part of the code.
    let scalars = source.unicodeScalars
    chars = Array(scalars.first == "\u{FEFF}" ? scalars.dropFirst() : scalars[...])
    self.origin = origin
  }

  /// The tokens of the whole text, ending with NEWLINE, DEDENTs and EOF.
  static func tokenize(_ source: String, origin: SourceOrigin) throws -> [Token] {
    var lexer = Lexer(source, origin: origin)
    return try lexer.run()
  }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let at = index + offset
    return at < chars.count ? chars[at] : nil
  }

  private var column: Int { index - lineStart + 1 }

  private func error(
    _ message: String, line: Int? = nil, column: Int? = nil, incomplete: Bool = false,
    indentation: Bool = false
  ) -> PyError {
    syntaxError(
      message, origin: origin, line: line ?? self.line, column: column ?? self.column,
      incomplete: incomplete, indentation: indentation)
  }

  private mutating func emit(_ kind: Token.Kind, _ text: String, start: Int, startLine: Int) {
    let pos = Pos(
      line: startLine, column: start, endLine: line, endColumn: column)
    tokens.append(Token(kind, text, pos))
  }

  private mutating func run() throws -> [Token] {
    while index < chars.count {
      if atLineStart && brackets.isEmpty {
        if try !startLine() { continue }
      }
      try lexOne()
    }
    if let (open, pos) = brackets.last {
      throw syntaxError(
        "'\(open)' was never closed", origin: origin, line: pos.line, column: pos.column,
        incomplete: true)
    }
    if let last = tokens.last, last.kind != .newline {
      emit(.newline, "", start: column, startLine: line)
    }
    while indents.count > 1 {
      indents.removeLast()
      emit(.dedent, "", start: column, startLine: line)
    }
    emit(.eof, "", start: column, startLine: line)
    return tokens
  }

  /// Measures a new line's indentation; returns false when the line is
  /// blank (and was skipped).
  private mutating func startLine() throws -> Bool {
    var width = 0
    var tabFreeWidth = 0
    while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" {
      width = c == "\t" ? (width / 8 + 1) * 8 : width + 1
      tabFreeWidth += 1
      index += 1
    }
    guard let c = peek() else { return false }
    if c == "\n" || c == "#" || c == "\r" {
      while let c = peek(), c != "\n" { index += 1 }
      if peek() == "\n" { newLine() }
      return false
    }
    if c == "\\", peek(1) == "\n" {
      index += 2
      line += 1
      lineStart = index
      return false
    }
    atLineStart = false
    let inconsistent = { [origin, line, column] in
      PyError.tabError(
        "inconsistent use of tabs and spaces in indentation", origin: origin, line: line,
        column: column)
    }
    if width > (indents.last ?? 0) {
      guard tabFreeWidth > (tabFreeIndents.last ?? 0) else { throw inconsistent() }
      indents.append(width)
      tabFreeIndents.append(tabFreeWidth)
      if indents.count > Lexer.maximumIndentation {
        throw error("too many levels of indentation", indentation: true)
      }
      emit(.indent, "", start: column, startLine: line)
    } else if width < (indents.last ?? 0) {
      while width < (indents.last ?? 0) {
        indents.removeLast()
        tabFreeIndents.removeLast()
        emit(.dedent, "", start: column, startLine: line)
      }
      if width != indents.last {
        var end = index
        while end < chars.count && chars[end] != "\n" { end += 1 }
        throw error(
          "unindent does not match any outer indentation level", column: end - lineStart + 1,
          indentation: true)
      }
      guard tabFreeWidth == tabFreeIndents.last else { throw inconsistent() }
    } else if tabFreeWidth != tabFreeIndents.last {
      throw inconsistent()
    }
    if c == "!" || (c == "%" && (peek(1).map { isLetter($0) || $0 == "%" } ?? false)) {
      let start = column
      var text = ""
      while let c = peek(), c != "\n" {
        text.unicodeScalars.append(c)
        index += 1
      }
      emit(.magic, text, start: start, startLine: line)
    }
    return true
  }

  private mutating func newLine() {
    index += 1
    line += 1
    lineStart = index
    atLineStart = true
  }

  private mutating func lexOne() throws {
    guard let c = peek() else { return }
    switch c {
    case " ", "\t", "\u{0C}", "\r":
      index += 1
    case "#":
      while let c = peek(), c != "\n" { index += 1 }
    case "\\":
      if peek(1) == "\n" {
        index += 2
        line += 1
        lineStart = index
      } else if peek(1) == "\r" && peek(2) == "\n" {
        index += 3
        line += 1
        lineStart = index
      } else {
        throw error(
          "unexpected character after line continuation character",
          incomplete: peek(1) == nil)
      }
    case "\n":
      if brackets.isEmpty, let last = tokens.last, last.kind != .newline {
        emit(.newline, "", start: column, startLine: line)
      } else if brackets.isEmpty && tokens.last == nil {
        // Nothing yet: a leading blank line.
      }
      newLine()
      if !brackets.isEmpty { atLineStart = false }
    case "0"..."9":
      try lexNumber()
    case ".":
      if let next = peek(1), ("0"..."9").contains(next) {
        try lexNumber()
      } else {
        try lexOperator()
      }
    case "\"", "'":
      try lexString(prefix: "")
    default:
      if isLetter(c) || c == "_" {
        try lexName()
      } else {
        try lexOperator()
      }
    }
  }

  private mutating func lexName() throws {
    let start = column
    var text = ""
    while let c = peek(), isLetter(c) || c == "_" || ("0"..."9").contains(c) {
      text.unicodeScalars.append(c)
      index += 1
    }
    let lower = text.lowercased()
    if let quote = peek(), quote == "\"" || quote == "'",
      ["r", "u", "f", "b", "rb", "br", "fr", "rf"].contains(lower)
    {
      index -= text.unicodeScalars.count
      try lexString(prefix: lower)
      return
    }
    emit(.name, text, start: start, startLine: line)
  }

  private mutating func lexNumber() throws {
    let start = column
    var text = ""
    func take(_ allowed: (Unicode.Scalar) -> Bool) {
      while let c = peek(), allowed(c) || (c == "_" && peek(1).map(allowed) == true) {
        if c != "_" { text.unicodeScalars.append(c) }
        index += 1
      }
    }
    let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
    if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
      index += 2
      let radix = x == "x" || x == "X" ? 16 : (x == "o" || x == "O" ? 8 : 2)
      if peek() == "_" { index += 1 }
      take { $0.properties.isASCIIHexDigit && Int(String($0), radix: radix) != nil }
      guard let value = Int(text, radix: radix) else {
        throw error(
          "invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal")
      }
      var token = Token(.int, text, Pos.zero)
      token.intValue = value
      finishNumber(token, start: start)
      return
    }
    take(isDigit)
    var isFloat = false
    if peek() == ".", !(peek(1).map { isLetter($0) && $0 != "e" && $0 != "E" } ?? false) {
      isFloat = true
      text += "."
      index += 1
      take(isDigit)
    }
    if let e = peek(), e == "e" || e == "E" {
      let sign = peek(1)
      let digitAt = sign == "+" || sign == "-" ? 2 : 1
      if let d = peek(digitAt), isDigit(d) {
        isFloat = true
        text += "e"
        if digitAt == 2, let sign { text.unicodeScalars.append(sign) }
        index += digitAt
        take(isDigit)
      }
    }
    if let j = peek(), j == "j" || j == "J" {
      throw error("complex numbers are not supported by mlscript")
    }
    if let c = peek(), isLetter(c) {
      throw error("invalid decimal literal")
    }
    var token = Token(isFloat ? .float : .int, text, Pos.zero)
    if isFloat {
      token.floatValue = Double(text) ?? 0
    } else {
      guard let value = Int(text) else {
        if text == "9223372036854775808" {
          // The parser accepts it right after a minus sign, as Int.min.
          token.intValue = Int.min
          token.isMinimumMagnitude = true
          finishNumber(token, start: start)
          return
        }
        if text.count > 1, text.first == "0", text.allSatisfy({ $0 == "0" }) == false {
          throw error(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
              + "for octal integers")
        }
        var failure = error(
          "int literal \(text) is too large (mlscript ints are 64-bit)", column: start)
        failure.type = .overflowError
        throw failure
      }
      if text.count > 1 && text.first == "0" && value != 0 {
        throw error(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
            + "for octal integers", column: start)
      }
      token.intValue = value
    }
    finishNumber(token, start: start)
  }

  private mutating func finishNumber(_ token: Token, start: Int) {
    var token = token
    token.pos = Pos(line: line, column: start, endLine: line, endColumn: column)
    tokens.append(token)
  }

  private static let operators: [String] = [
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<",
    ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
  ]

  private mutating func lexOperator() throws {
    let start = column
    for op in Lexer.operators {
      let scalars = Array(op.unicodeScalars)
      if index + scalars.count <= chars.count
        && Array(chars[index..<index + scalars.count]) == scalars
      {
        index += scalars.count
        emit(.op, op, start: start, startLine: line)
        return
      }
    }
    guard let c = peek() else { return }
    let pos = Pos(line: line, column: start, endLine: line, endColumn: start + 1)
    switch c {
    case "(", "[", "{":
      brackets.append((c, pos))
      if brackets.count > Lexer.maximumNesting {
        throw error("too many nested parentheses")
      }
    case ")", "]", "}":
      guard let (open, openPos) = brackets.popLast() else {
        throw error("unmatched '\(c)'")
      }
      let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
      if c != expected {
        let message =
          openPos.line == line
          ? "closing parenthesis '\(c)' does not match opening parenthesis '\(open)'"
          : "closing parenthesis '\(c)' does not match opening parenthesis '\(open)' "
            + "on line \(openPos.line)"
        throw error(message)
      }
    default:
      if !"+-*/%@&|^~<>,:.;=".unicodeScalars.contains(c) {
        if c == "$" || c == "?" || c == "`" || c == "!" {
          throw error("invalid syntax")
        }
        throw error("invalid character '\(Character(c))' (U+\(hex4(c.value)))")
      }
    }
    index += 1
    emit(.op, String(Character(c)), start: start, startLine: line)
  }

  private func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  // MARK: strings

  private mutating func lexString(prefix: String) throws {
    let startColumn = column
    let startLine = line
    index += prefix.unicodeScalars.count
    guard let quote = peek() else { return }
    let triple = peek(1) == quote && peek(2) == quote
    index += triple ? 3 : 1
    // TODO: b"..." literals are read as str: there is no bytes type.
    let raw = prefix.contains("r")
    let isF = prefix.contains("f")
    var parts: [FStringPart] = []
    var text = ""

    while true {
      guard let c = peek() else {
        if triple {
          let lastLine = chars.last == "\n" ? line - 1 : line
          throw error(
            "unterminated triple-quoted string literal (detected at line \(lastLine))",
            line: startLine, column: startColumn, incomplete: true)
        }
        throw error(
          "unterminated string literal (detected at line \(startLine))",
          line: startLine, column: startColumn)
      }
      if c == quote {
        if !triple {
          index += 1
          break
        }
        if peek(1) == quote && peek(2) == quote {
          index += 3
          break
        }
        text.unicodeScalars.append(c)
        index += 1
        continue
      }
      if c == "\n" {
        if !triple {
          throw error(
            "unterminated string literal (detected at line \(startLine))",
            line: startLine, column: startColumn)
        }
        text += "\n"
        index += 1
        line += 1
        lineStart = index
        continue
      }
      if c == "\\" {
        try lexEscape(into: &text, raw: raw)
        continue
      }
      if isF && c == "{" {
        if peek(1) == "{" {
          text += "{"
          index += 2
          continue
        }
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(.field(try lexField(quote: quote, triple: triple, depth: 0)))
        continue
      }
      if isF && c == "}" {
        if peek(1) == "}" {
          text += "}"
          index += 2
          continue
        }
        throw error("f-string: single '}' is not allowed")
      }
      text.unicodeScalars.append(c)
      index += 1
    }
    var token = Token(.string, prefix, Pos.zero)
    token.pos = Pos(line: startLine, column: startColumn, endLine: line, endColumn: column)
    if isF {
      if !text.isEmpty { parts.append(.text(text)) }
      token.fstringParts = parts
    } else {
      token.stringValue = text
    }
    tokens.append(token)
  }

  private mutating func lexEscape(into text: inout String, raw: Bool) throws {
    guard let next = peek(1) else {
      index += 1
      return
    }
    if raw {
      text += "\\"
      text.unicodeScalars.append(next)
      index += 2
      if next == "\n" {
        line += 1
        lineStart = index
      }
      return
    }
    index += 2
    switch next {
    case "\n":
      line += 1
      lineStart = index
    case "n": text += "\n"
    case "t": text += "\t"
    case "r": text += "\r"
    case "\\": text += "\\"
    case "'": text += "'"
    case "\"": text += "\""
    case "a": text += "\u{07}"
    case "b": text += "\u{08}"
    case "f": text += "\u{0C}"
    case "v": text += "\u{0B}"
    case "0"..."7":
      var digits = String(Character(next))
      while digits.count < 3, let d = peek(), ("0"..."7").contains(d) {
        digits.unicodeScalars.append(d)
        index += 1
      }
      if let value = UInt32(digits, radix: 8), let scalar = Unicode.Scalar(value) {
        text.unicodeScalars.append(scalar)
      }
    case "x", "u", "U":
      let count = next == "x" ? 2 : next == "u" ? 4 : 8
      var digits = ""
      for _ in 0..<count {
        guard let d = peek(), d.properties.isASCIIHexDigit else {
          throw error(
            "(unicode error) truncated \\\(Character(next)) escape")
        }
        digits.unicodeScalars.append(d)
        index += 1
      }
      guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
        throw error("(unicode error) illegal Unicode character")
      }
      text.unicodeScalars.append(scalar)
    default:
      text += "\\"
      text.unicodeScalars.append(next)
    }
  }

  /// Reads one replacement field, the opening brace under the cursor.
  private mutating func lexField(
    quote: Unicode.Scalar, triple: Bool, depth: Int
  ) throws -> FStringField {
    index += 1
    let fieldLine = line
    let fieldColumn = column
    var source = ""
    var nesting = 0
    var inString: Unicode.Scalar? = nil
    while true {
      guard let c = peek() else {
        throw error("f-string: expecting '}'", incomplete: false)
      }
      if let open = inString {
        if c == open { inString = nil }
        source.unicodeScalars.append(c)
        index += 1
        continue
      }
      if c == quote && !triple {
        throw error("f-string: expecting '}'")
      }
      if c == "\n" {
        line += 1
        lineStart = index + 1
      }
      if (c == "'" || c == "\"") && c != quote {
        inString = c
      } else if "([{".unicodeScalars.contains(c) {
        nesting += 1
      } else if ")]".unicodeScalars.contains(c) {
        nesting -= 1
      } else if c == "}" {
        if nesting == 0 { break }
        nesting -= 1
      } else if nesting == 0 && (c == "!" && peek(1) != "=" || c == ":") {
        break
      }
      source.unicodeScalars.append(c)
      index += 1
    }
    var field = FStringField(
      source: source, line: fieldLine, column: fieldColumn, conversion: nil, spec: [],
      selfDocumenting: false)
    var trimmed = source
    while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
    if trimmed.hasSuffix("="), !trimmed.hasSuffix("=="), !trimmed.hasSuffix("!="),
      !trimmed.hasSuffix("<="), !trimmed.hasSuffix(">=")
    {
      field.selfDocumenting = true
      field.prefix = source
      field.source = String(trimmed.dropLast())
    }
    if field.source.trimmingSpaces().isEmpty {
      throw error("f-string: valid expression required before '}'")
    }
    if peek() == "!" {
      index += 1
      guard let conversion = peek(), "rsa".unicodeScalars.contains(conversion) else {
        throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'")
      }
      field.conversion = Character(conversion)
      index += 1
    }
    if peek() == ":" {
      index += 1
      var text = ""
      while true {
        guard let c = peek() else { throw error("f-string: expecting '}'") }
        if c == "}" { break }
        if c == quote && !triple { throw error("f-string: expecting '}'") }
        if c == "{" {
          guard depth < 2 else { throw error("f-string: expressions nested too deeply") }
          if !text.isEmpty { field.spec.append(.text(text)) }
          text = ""
          field.spec.append(.field(try lexField(quote: quote, triple: triple, depth: depth + 1)))
          continue
        }
        text.unicodeScalars.append(c)
        index += 1
      }
      if !text.isEmpty { field.spec.append(.text(text)) }
    }
    guard peek() == "}" else { throw error("f-string: expecting '}'") }
    index += 1
    return field
  }
}

/// Whether `c` may start or continue a name.
func isLetter(_ c: Unicode.Scalar) -> Bool {
  if c.isASCII {
    return ("a"..."z").contains(c) || ("A"..."Z").contains(c)
  }
  return c.properties.isAlphabetic
}

extension PyError {
  /// A TabError: indentation whose depth depends on how wide a tab is.
  static func tabError(_ message: String, origin: SourceOrigin, line: Int, column: Int)
    -> PyError
  {
    var error = syntaxError(message, origin: origin, line: line, column: column)
    error.type = .tabError
    return error
  }
}

/// A SyntaxError (or IndentationError) located at a line and column.
func syntaxError(
  _ message: String, origin: SourceOrigin, line: Int, column: Int, endColumn: Int? = nil,
  incomplete: Bool = false, indentation: Bool = false
) -> PyError {
  var error = PyError(indentation ? .indentationError : .syntaxError, message)
  error.location = SourceSpan(
    origin: origin, line: line + origin.lineOffset, column: column,
    endLine: line + origin.lineOffset, endColumn: endColumn ?? column + 1)
  error.incompleteInput = incomplete
  return error
}
