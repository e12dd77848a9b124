/// Colours Python-style source for the terminal: keywords, strings,
/// numbers, comments and decorators, with 256-colour escapes.
public enum SyntaxHighlighter {
  static let keywords: Set<String> = Set(Completer.keywords)
  static let builtinNames: Set<String> = Set(Completer.builtins + ["self"])

  static let keywordColor = "\u{1B}[38;5;170m"
  static let builtinColor = "\u{1B}[38;5;73m"
  static let stringColor = "\u{1B}[38;5;107m"
  static let numberColor = "\u{1B}[38;5;173m"
  static let commentColor = "\u{1B}[38;5;244m"
  static let reset = "\u{1B}[0m"

  /// The source with colour escapes around its tokens.
  public static func highlight(_ source: String) -> String {
    let characters = Array(source)
    var result = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == "#" {
        let end = characters[index...].firstIndex(of: "\n") ?? characters.count
        result += commentColor + String(characters[index..<end]) + reset
        index = end
      } else if character == "'" || character == "\"" {
        let end = stringEnd(characters, from: index)
        result += colorLines(String(characters[index..<end]), stringColor)
        index = end
      } else if character.isLetter || character == "_" {
        var end = index
        while end < characters.count
          && (characters[end].isLetter || characters[end].isNumber || characters[end] == "_")
        {
          end += 1
        }
        let word = String(characters[index..<end])
        if end < characters.count && (characters[end] == "'" || characters[end] == "\"")
          && ["r", "b", "f", "rb", "br", "fr", "rf"].contains(word.lowercased())
        {
          let stringEnd = stringEnd(characters, from: end)
          result += colorLines(String(characters[index..<stringEnd]), stringColor)
          index = stringEnd
          continue
        }
        if keywords.contains(word) {
          result += keywordColor + word + reset
        } else if builtinNames.contains(word) {
          result += builtinColor + word + reset
        } else {
          result += word
        }
        index = end
      } else if character.isNumber {
        var end = index
        while end < characters.count
          && (characters[end].isNumber || characters[end].isLetter || characters[end] == "."
            || characters[end] == "_")
        {
          end += 1
        }
        result += numberColor + String(characters[index..<end]) + reset
        index = end
      } else {
        result.append(character)
        index += 1
      }
    }
    return result
  }

  /// Colours each line separately, so a pager or a cleared line never
  /// carries colour into the next.
  private static func colorLines(_ text: String, _ color: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : color + $0 + reset }
      .joined(separator: "\n")
  }

  /// The index just past the string literal starting at `start`.
  private static func stringEnd(_ characters: [Character], from start: Int) -> Int {
    let quote = characters[start]
    let triple =
      start + 2 < characters.count && characters[start + 1] == quote
      && characters[start + 2] == quote
    var index = start + (triple ? 3 : 1)
    while index < characters.count {
      let character = characters[index]
      if character == "\\" {
        index += 2
        continue
      }
      if !triple && character == "\n" { return index }
      if character == quote {
        if !triple { return index + 1 }
        if index + 2 < characters.count && characters[index + 1] == quote
          && characters[index + 2] == quote
        {
          return index + 3
        }
      }
      index += 1
    }
    return characters.count
  }
}
