/// The rules that turn typed and pasted lines into one REPL input.
public enum InputBlock {
  /// Removes the prompts of pasted interpreter sessions (`>>> `, `... `,
  /// `In [n]: `, `   ...: `) and a common indentation. When the first
  /// line carries a prompt, lines without one are output and dropped.
  public static func cleanPaste(_ text: String) -> String {
    var lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
    ).map(String.init)
    lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    if let first = lines.first(where: { !$0.trimmingSpaces().isEmpty }),
      promptLength(first) != nil
    {
      lines = lines.compactMap { line in
        guard let length = promptLength(line) else { return nil }
        return String(line.dropFirst(length))
      }
    }
    return dedent(lines).joined(separator: "\n")
  }

  /// The length of the prompt a line starts with, or nil.
  static func promptLength(_ line: String) -> Int? {
    for prompt in [">>> ", "... "] where line.hasPrefix(prompt) { return prompt.count }
    if line == ">>>" || line == "..." { return 3 }
    let characters = Array(line)
    var index = 0
    while index < characters.count && characters[index] == " " { index += 1 }
    if Array(characters[index...]).starts(with: Array("...:")) {
      let end = index + 4
      return end < characters.count && characters[end] == " " ? end + 1 : end
    }
    guard Array(characters[index...]).starts(with: Array("In [")) else { return nil }
    var cursor = index + 4
    while cursor < characters.count && characters[cursor].isNumber { cursor += 1 }
    guard cursor > index + 4, Array(characters[cursor...]).starts(with: Array("]:")) else {
      return nil
    }
    cursor += 2
    return cursor < characters.count && characters[cursor] == " " ? cursor + 1 : cursor
  }

  /// Lines with the indentation they all share removed.
  static func dedent(_ lines: [String]) -> [String] {
    let indents = lines.filter { !$0.trimmingSpaces().isEmpty }.map(indentation)
    guard let common = indents.min(by: { $0.count < $1.count }), !common.isEmpty,
      indents.allSatisfy({ $0.hasPrefix(common) })
    else { return lines }
    return lines.map { $0.hasPrefix(common) ? String($0.dropFirst(common.count)) : "" }
  }

  /// The spaces and tabs a line starts with.
  public static func indentation(_ line: String) -> String {
    String(line.prefix { $0 == " " || $0 == "\t" })
  }

  /// Whether a line opens a block: its code (comment aside) ends in `:`.
  public static func opensBlock(_ line: String) -> Bool {
    codeWithoutComment(line).trimmingSpaces().hasSuffix(":")
  }

  /// Whether the input holds a compound statement, which a typed empty
  /// line must end (a simple statement runs as soon as it is complete).
  public static func isCompound(_ source: String) -> Bool {
    source.split(separator: "\n").contains { opensBlock(String($0)) }
  }

  /// The indentation the line after `line` starts with: one level more
  /// after a block header, one less after `return`, `pass` and the like.
  public static func nextIndentation(after line: String) -> String {
    let current = indentation(line)
    if opensBlock(line) { return current + "    " }
    let words = line.trimmingSpaces().split(separator: " ")
    if let first = words.first, ["return", "pass", "break", "continue", "raise"].contains(first) {
      return String(current.dropLast(min(4, current.count)))
    }
    return current
  }

  /// The words that continue a compound statement at its header's level.
  static let continuationKeywords = ["else", "elif", "except", "finally"]

  /// `line` moved out to the indentation of the block header it continues
  /// when it is an `else:`, `elif ...:`, `except ...:` or `finally:` typed
  /// at the indentation of the body before it, as IPython dedents them;
  /// otherwise `line` unchanged. `block` holds the lines typed before it.
  public static func dedentingContinuation(_ line: String, after block: String) -> String {
    let code = codeWithoutComment(line).trimmingSpaces()
    guard code.hasSuffix(":"),
      let keyword = continuationKeywords.first(where: { word in
        code.hasPrefix(word)
          && code.dropFirst(word.count).first.map { !isNameCharacter($0) }
            ?? false
      })
    else { return line }
    let current = indentation(line)
    guard !current.isEmpty else { return line }

    // The header is the nearest line above, no deeper, that opens a block
    // (`except` and `finally` continue a `try`, the others any compound
    // statement); one already at this depth means no dedent is wanted.
    let headers =
      keyword == "except" || keyword == "finally"
      ? ["try", "except"] : ["if", "elif", "else", "for", "while", "try", "except"]
    let previous = block.split(separator: "\n").map(String.init)
    for candidate in previous.reversed() where !candidate.trimmingSpaces().isEmpty {
      let depth = indentation(candidate)
      guard depth.count <= current.count else { continue }
      let start = candidate.trimmingSpaces()
      let isHeader =
        opensBlock(candidate)
        && headers.contains { word in
          start.hasPrefix(word)
            && start.dropFirst(word.count).first.map { !isNameCharacter($0) } ?? false
        }
      if depth.count == current.count {
        if isHeader { return line }
        continue
      }
      return isHeader ? depth + line.dropFirst(current.count) : line
    }
    return line
  }

  private static func isNameCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || character == "_"
  }

  /// The line without a trailing `#` comment (quotes respected).
  static func codeWithoutComment(_ line: String) -> String {
    var quote: Character?
    var escaped = false
    var result = ""
    for character in line {
      if let open = quote {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == open {
          quote = nil
        }
      } else if character == "#" {
        break
      } else if character == "'" || character == "\"" {
        quote = character
      }
      result.append(character)
    }
    return result
  }
}
