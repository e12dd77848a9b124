/// Keras 3's `model.summary()` table, laid out as Keras (through rich)
/// lays it out for a terminal of a given width.
extension Model {
  /// The summary text for a terminal `width` columns wide; `color` adds
  /// Keras's bold and colours; `lineLength` sets the table's width as
  /// Keras's `line_length` does.
  public func summaryText(width: Int, color: Bool, lineLength: Int? = nil) -> String {
    let lineLength = max(lineLength ?? min(88, width - 4), 12)
    let positions = [0.45, 0.80, 1.0]
    var columns: [Int] = []
    var current = 0
    for position in positions {
      let column = Int(position * Double(lineLength)) - current
      columns.append(column)
      current += column
    }
    // Each column has one space of padding either side; the table (with
    // its four borders) must fit the line, so rich takes the excess off
    // the columns evenly, rounding halves to even.
    var padded = columns.map { $0 + 2 }
    let excess = padded.reduce(0, +) - (lineLength - 4)
    if excess > 0 { padded = ratioReduce(excess, padded) }
    let cells = padded.map { max($0 - 2, 1) }

    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    // Keras marks class names with colour 33 and counts with colour 34.
    func paint(_ text: String, _ code: Int) -> String {
      color && !text.isEmpty ? "\u{1B}[38;5;\(code)m\(text)\u{1B}[0m" : text
    }
    func rule(_ left: String, _ fill: String, _ middle: String, _ right: String) -> String {
      left + padded.map { String(repeating: fill, count: $0) }.joined(separator: middle)
        + right + "\n"
    }

    var text = bold("Model: \"\(name)\"") + "\n"
    text += rule("┏", "━", "┳", "┓")
    let headers = ["Layer (type)", "Output Shape", "Param #"]
    text += "┃"
    for (index, header) in headers.enumerated() {
      let cell = index == 2 ? padLeft(header, cells[index]) : padRight(header, cells[index])
      text += " " + bold(cell) + " ┃"
    }
    text += "\n"
    text += rule("┡", "━", "╇", "┩")

    let shown = layers
    for (rowIndex, layer) in shown.enumerated() {
      let shape = outputShape(of: layer).map(formatShapeWithBatch) ?? "?"
      let params: String
      if layer.isBuilt || layer is InputLayer {
        params = thousands(layer.parameterCount)
      } else {
        params = "0 (unbuilt)"
      }
      let nameLines = wrap("\(layer.name) (\(layer.className))", cells[0])
      let shapeLines = wrap(shape, cells[1])
      let paramLines = wrap(params, cells[2])
      let height = max(nameLines.count, shapeLines.count, paramLines.count)
      for line in 0..<height {
        let a = line < nameLines.count ? nameLines[line] : ""
        let b = line < shapeLines.count ? shapeLines[line] : ""
        let c = line < paramLines.count ? paramLines[line] : ""
        var name = padRight(a, cells[0])
        if color, let open = a.firstRange(of: "(" + layer.className) {
          let start = a.index(after: open.lowerBound)
          let end = open.upperBound
          name =
            String(a[..<start]) + paint(String(a[start..<end]), 33) + a[end...]
            + String(repeating: " ", count: max(0, cells[0] - a.count))
        }
        let count = padLeft(c, cells[2])
        let countText = c.isEmpty ? count : String(count.dropLast(c.count)) + paint(c, 34)
        text += "│ " + name + " │ " + padRight(b, cells[1]) + " │ " + countText + " │\n"
      }
      if rowIndex + 1 < shown.count { text += rule("├", "─", "┼", "┤") }
    }
    text += rule("└", "─", "┴", "┘")

    let trainable = stack.filter { $0.trainable }.reduce(0) { $0 + $1.parameterCount }
    let frozen = stack.filter { !$0.trainable }.reduce(0) { $0 + $1.parameterCount }
    // Bytes follow each weight's dtype: 4 for float32, 8 for float64.
    let trainableBytes = stack.filter { $0.trainable }.reduce(0) { $0 + $1.parameterBytes }
    let frozenBytes = stack.filter { !$0.trainable }.reduce(0) { $0 + $1.parameterBytes }
    var total = trainable + frozen
    var totalBytes = trainableBytes + frozenBytes
    var optimizerLine = ""
    if let optimizer, optimizer.isBuilt {
      total += optimizer.variableCount
      totalBytes += optimizer.byteCount
      optimizerLine =
        bold(" Optimizer params: ") + paint(thousands(optimizer.variableCount), 34) + " ("
        + readableBytes(optimizer.byteCount) + ")\n"
    }
    text +=
      bold(" Total params: ") + paint(thousands(total), 34) + " (" + readableBytes(totalBytes)
      + ")\n"
    text +=
      bold(" Trainable params: ") + paint(thousands(trainable), 34) + " ("
      + readableBytes(trainableBytes) + ")\n"
    text +=
      bold(" Non-trainable params: ") + paint(thousands(frozen), 34) + " ("
      + readableBytes(frozenBytes) + ")\n"
    text += optimizerLine
    return text
  }
}

/// Rich's `ratio_reduce` with equal ratios: takes `total` off `values`.
private func ratioReduce(_ total: Int, _ values: [Int]) -> [Int] {
  var remaining = total
  var ratioLeft = values.count
  var result: [Int] = []
  for value in values {
    let share = Double(remaining) / Double(ratioLeft)
    let distributed = min(value, Int(share.rounded(.toNearestOrEven)))
    result.append(value - distributed)
    remaining -= distributed
    ratioLeft -= 1
  }
  return result
}

/// Word-wraps `text` into lines of at most `width` characters, splitting
/// words longer than a line.
func wrap(_ text: String, _ width: Int) -> [String] {
  var lines: [String] = []
  var line = ""
  for word in text.split(separator: " ").map(String.init) {
    var word = word
    if line.isEmpty {
      while word.count > width {
        lines.append(String(word.prefix(width)))
        word = String(word.dropFirst(width))
      }
      line = word
    } else if line.count + 1 + word.count <= width {
      line += " " + word
    } else {
      lines.append(line)
      while word.count > width {
        lines.append(String(word.prefix(width)))
        word = String(word.dropFirst(width))
      }
      line = word
    }
  }
  lines.append(line)
  return lines
}

func padRight(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func padLeft(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
