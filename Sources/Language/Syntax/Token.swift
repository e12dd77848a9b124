/// A position range inside one piece of program text: 1-based lines and
/// columns, the end column exclusive.
struct Pos {
  var line: Int
  var column: Int
  var endLine: Int
  var endColumn: Int

  /// The range from the start of `self` to the end of `other`.
  func through(_ other: Pos) -> Pos {
    Pos(line: line, column: column, endLine: other.endLine, endColumn: other.endColumn)
  }

  static let zero = Pos(line: 1, column: 1, endLine: 1, endColumn: 1)
}

/// One piece of an f-string: literal text or a replacement field.
enum FStringPart {
  case text(String)
  case field(FStringField)
}

/// A `{expression!r:spec}` field of an f-string, with the expression still
/// as text and where that text starts.
struct FStringField {
  var source: String
  var line: Int
  var column: Int
  var conversion: Character?
  var spec: [FStringPart]
  var selfDocumenting: Bool
  /// For `{x = }`, the text shown before the value.
  var prefix = ""
}

/// A lexical token.
struct Token {
  enum Kind: Equatable {
    case name, int, float, string, op, newline, indent, dedent, eof, magic
  }

  var kind: Kind
  var text: String
  var pos: Pos
  var intValue = 0
  /// Set for the literal 2**63, which is an int only when negated.
  var isMinimumMagnitude = false
  var floatValue = 0.0
  var stringValue = ""
  var fstringParts: [FStringPart]? = nil

  init(_ kind: Kind, _ text: String, _ pos: Pos) {
    self.kind = kind
    self.text = text
    self.pos = pos
  }

  func isOp(_ op: String) -> Bool { kind == .op && text == op }
  func isName(_ name: String) -> Bool { kind == .name && text == name }
}

/// The reserved words, which cannot be used as names.
let keywords: Set<String> = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
  "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
  "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
  "try", "while", "with", "yield",
]
