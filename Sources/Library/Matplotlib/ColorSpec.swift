import Language
import TerminalGraphics

/// Colours as matplotlib spells them: single letters, names, `C0`..`C9`,
/// `#rrggbb` and tuples of floats in 0...1.
enum ColorSpec {
  /// Named colours, with black and white kept visible on any terminal
  /// background by drawing them in the terminal's own foreground.
  static let names: [String: RGB?] = [
    "b": RGB(0, 0, 255), "g": RGB(0, 128, 0), "r": RGB(255, 0, 0),
    "c": RGB(0, 191, 191), "m": RGB(191, 0, 191), "y": RGB(191, 191, 0),
    "k": nil, "w": nil, "black": nil, "white": nil,
    "blue": RGB(31, 119, 180), "orange": RGB(255, 127, 14), "green": RGB(44, 160, 44),
    "red": RGB(214, 39, 40), "purple": RGB(148, 103, 189), "brown": RGB(140, 86, 75),
    "pink": RGB(227, 119, 194), "gray": RGB(127, 127, 127), "grey": RGB(127, 127, 127),
    "olive": RGB(188, 189, 34), "cyan": RGB(23, 190, 207), "magenta": RGB(191, 0, 191),
    "yellow": RGB(191, 191, 0), "navy": RGB(0, 0, 128), "teal": RGB(0, 128, 128),
  ]

  /// The colour a value names; `.some(nil)` is the terminal's foreground.
  static func parse(_ value: Value) throws -> RGB? {
    if case .string(let text) = value { return try parse(text) }
    let data = try PlotData(value, context: "color")
    guard data.values.count == 3 || data.values.count == 4 else {
      throw PyError.valueError("invalid RGBA argument: \(try value.repr())")
    }
    return RGB(unit: data.values[0], data.values[1], data.values[2])
  }

  /// The colour a string names.
  static func parse(_ text: String) throws -> RGB? {
    let name = text.lowercased().replacingPrefix("tab:", with: "")
    if let known = names[name] { return known }
    if name.count == 2, name.hasPrefix("c"), let digit = Int(name.dropFirst()) {
      return Palette.seriesColor(digit)
    }
    if name.hasPrefix("#"), name.count == 7, let bits = UInt32(name.dropFirst(), radix: 16) {
      return RGB(UInt8(bits >> 16 & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits & 0xFF))
    }
    throw PyError.valueError("'\(text)' is not a valid color value")
  }
}

/// A `plt.plot` format string such as `'r-'`, `'bo'` or `'g--'`.
struct LineFormat {
  /// The colour letter's colour, when one was given.
  var color: RGB??
  /// The marker character, when one was given (`o`, `x`, `.`, ...).
  var marker: Character?
  /// Whether a line style was given (`-`, `--`, `:`, `-.`).
  var hasLine = false

  /// Parses a format string; unknown characters raise ValueError.
  init(_ text: String) throws {
    for character in text {
      if let color = ColorSpec.names[String(character)] {
        self.color = .some(color)
      } else if "-:".contains(character) {
        hasLine = true
      } else if ".,ov^<>12348spP*hH+xXDd|_".contains(character) {
        marker = character
      } else {
        throw PyError.valueError("Unrecognized character \(character) in format string '\(text)'")
      }
    }
  }

  /// The glyph that draws a matplotlib marker in a terminal.
  static func glyph(_ marker: Character) -> Character {
    switch marker {
    case ".", ",": return "•"
    case "s": return "■"
    case "D", "d": return "◆"
    case "P": return "+"
    case "X": return "x"
    case "h", "H", "p", "8": return "●"
    case "1", "2", "3", "4": return "Y"
    default: return marker
    }
  }
}

extension String {
  /// The string with `prefix` replaced when it starts with it.
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
