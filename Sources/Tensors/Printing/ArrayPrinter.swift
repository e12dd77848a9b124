/// NumPy's print options that the printer honours.
public struct PrintOptions: Sendable {
  /// Digits after the point for floats.
  public var precision = 8
  /// Arrays with more elements than this are summarised with `...`.
  public var threshold = 1000
  /// Items shown at each end of a summarised axis.
  public var edgeItems = 3
  /// Characters per line before wrapping.
  public var lineWidth = 75
  /// Whether small floats print positionally (rounded to `precision`)
  /// rather than switching the whole array to exponents.
  public var suppress = false

  /// NumPy's defaults.
  public init() {}

  /// The options in effect (NumPy's defaults unless changed).
  nonisolated(unsafe) public static var current = PrintOptions()
}

extension NDArray {
  /// The text `str(array)` gives in NumPy: `[[1. 2.]\n [3. 4.]]`.
  public var numpyString: String {
    if ndim == 0 { return scalarText() }
    if count == 0 { return "[]" }
    return arrayText(separator: " ", prefix: "", suffix: "")
  }

  /// The text `repr(array)` gives in NumPy:
  /// `array([1., 2.], dtype=float32)`.
  public var numpyRepr: String {
    let options = PrintOptions.current
    let prefix = "array("
    var body: String
    if ndim == 0 {
      body = formatter(offsets: [offset]).format(self, atOffset: offset)
    } else if count > 0 {
      body = arrayText(separator: ", ", prefix: prefix, suffix: ")")
    } else {
      body = "[]"
    }
    var extras: [String] = []
    if (count == 0 && shape != [0]) || count > options.threshold {
      extras.append("shape=\(formatShape(shape))")
    }
    let impliedType = dtype == .float64 || dtype == .int64 || dtype == .bool
    if !impliedType || count == 0 { extras.append("dtype=\(dtype.rawValue)") }
    if extras.isEmpty { return prefix + body + ")" }
    let text = prefix + body + ","
    let extraText = extras.joined(separator: ", ") + ")"
    let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0
    let spacer =
      lastLine + extraText.count + 1 > options.lineWidth
      ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return text + spacer + extraText
  }

  /// The text of a 0-d array's element as NumPy's scalar str writes it.
  public func scalarText() -> String {
    let value = double(atOffset: offset)
    switch dtype {
    case .bool: return value != 0 ? "True" : "False"
    case .uint8, .int32, .int64: return String(integer(atOffset: offset))
    case .float32: return formatScalarFloat(value, single: true)
    case .float64: return formatScalarFloat(value, single: false)
    }
  }

  private func formatter(offsets: [Int]) -> ElementFormat {
    let options = PrintOptions.current
    return ElementFormat(
      array: self, offsets: offsets, precision: options.precision, suppress: options.suppress)
  }

  /// The storage offsets of the elements a (possibly summarised) print
  /// shows.
  private func shownOffsets(summarize: Bool, edge: Int) -> [Int] {
    var result: [Int] = []
    func visit(_ axis: Int, _ base: Int) {
      if axis == ndim {
        result.append(base)
        return
      }
      let length = shape[axis]
      let positions =
        summarize && edge < length - edge
        ? Array(0..<edge) + Array((length - edge)..<length) : Array(0..<length)
      for i in positions { visit(axis + 1, base + i * strides[axis]) }
    }
    visit(0, offset)
    return result
  }

  private func arrayText(separator: String, prefix: String, suffix: String) -> String {
    let options = PrintOptions.current
    let summarize = count > options.threshold

    // NumPy shows no items for a negative edge count, and puts each item on
    // its own line for any width below zero.
    let edge = max(options.edgeItems, 0)
    let format = formatter(offsets: shownOffsets(summarize: summarize, edge: edge))
    let printer = ArrayPrinter(
      array: self, format: format, separator: separator,
      edgeItems: summarize ? edge : nil)
    return printer.recurse(
      axis: 0, base: offset, hangingIndent: String(repeating: " ", count: prefix.count + 1),
      width: max(options.lineWidth, 0) - suffix.count)
  }
}

/// NumPy's recursive layout of nested brackets, wrapping and summaries.
private struct ArrayPrinter {
  let array: NDArray
  let format: ElementFormat
  let separator: String
  let edgeItems: Int?

  func recurse(axis: Int, base: Int, hangingIndent: String, width: Int) -> String {
    if axis == array.ndim { return format.format(array, atOffset: base) }
    let nextIndent = hangingIndent + " "
    let nextWidth = width - 1
    let length = array.shape[axis]
    let step = array.strides[axis]
    let summary = edgeItems.map { $0 < length - $0 } ?? false
    let leading = summary ? (edgeItems ?? 0) : 0
    let trailing = summary ? (edgeItems ?? 0) : length
    let axesLeft = array.ndim - axis
    var s = ""

    func child(_ i: Int) -> String {
      recurse(axis: axis + 1, base: base + i * step, hangingIndent: nextIndent, width: nextWidth)
    }

    if axesLeft == 1 {
      let separatorBody = String(separator.reversed().drop { $0 == " " }.reversed())
      let elementWidth = width - max(separatorBody.count, 1)
      var line = hangingIndent
      for i in 0..<leading {
        extend(&s, &line, child(i), elementWidth, hangingIndent)
        line += separator
      }
      if summary {
        extend(&s, &line, "...", elementWidth, hangingIndent)
        line += separator
      }
      if trailing > 1 {
        for i in stride(from: trailing, to: 1, by: -1) {
          extend(&s, &line, child(length - i), elementWidth, hangingIndent)
          line += separator
        }
      }
      extend(&s, &line, child(length - 1), elementWidth, hangingIndent)
      s += line
    } else {
      let separatorBody = String(separator.reversed().drop { $0 == " " }.reversed())
      let lineSeparator = separatorBody + String(repeating: "\n", count: axesLeft - 1)
      for i in 0..<leading { s += hangingIndent + child(i) + lineSeparator }
      if summary { s += hangingIndent + "..." + lineSeparator }
      if trailing > 1 {
        for i in stride(from: trailing, to: 1, by: -1) {
          s += hangingIndent + child(length - i) + lineSeparator
        }
      }
      s += hangingIndent + child(length - 1)
    }
    return "[" + String(s.dropFirst(hangingIndent.count)) + "]"
  }

  private func extend(
    _ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String
  ) {
    var wrap = line.count + word.count > width
    if line.count <= indent.count { wrap = false }
    if wrap {
      s += String(line.reversed().drop { $0 == " " }.reversed()) + "\n"
      line = indent
    }
    line += word
  }
}
