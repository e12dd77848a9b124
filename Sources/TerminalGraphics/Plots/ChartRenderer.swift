import Support

/// Draws one chart into a rectangle of cells: title, y label, a framed
/// plot area with ticks and tick labels, x label and legend.
///
///         title
///     y
///       ┌──────────────┐
///     1 ┤  o  o        │
///     0 ┤       x  x   │
///       └┬──────┬──────┘
///        0      1
///           x
///       o class 0   x class 1
public enum ChartRenderer {
  /// The chart drawn in `width` x `height` cells (a picture-only chart
  /// takes just the cells its picture needs).
  public static func render(
    _ chart: Chart, width: Int, height: Int, colorDepth depth: Console.ColorDepth
  ) -> CellGrid {
    if let image = chart.image, chart.lines.isEmpty, chart.scatters.isEmpty,
      chart.regions == nil, chart.bars.isEmpty, chart.contours.isEmpty,
      chart.annotations.isEmpty
    {
      return renderImage(image, title: chart.title, width: width, height: height, depth: depth)
    }
    return Layout(chart: chart, width: width, height: height, depth: depth).draw()
  }

  /// A picture under its centred title (wrapped onto two lines when
  /// long), scaled to fit the width; the height given only matters for
  /// tall pictures, since a row of thumbnails may be short.
  static func renderImage(
    _ image: RasterImage, title: String?, width: Int, height: Int,
    depth: Console.ColorDepth
  ) -> CellGrid {
    let titleLines = title.map { wrap($0, width: width, lines: 2) } ?? []
    let rows = max(height - titleLines.count, 16)
    let size = ImagePlot.displaySize(image, columns: width, rows: rows)
    let picture = ImagePlot.cells(
      ImagePlot.resample(image, width: size.width, height: size.height), depth: depth)
    let titleWidth = titleLines.map(\.count).max() ?? 0
    var grid = CellGrid(
      width: max(picture.width, titleWidth), height: picture.height + titleLines.count)
    for (row, line) in titleLines.enumerated() {
      grid.write(line, column: max(0, (picture.width - line.count) / 2), row: row)
    }
    grid.paste(picture, column: 0, row: titleLines.count)
    return grid
  }

  /// `text` broken at spaces into at most `lines` lines of `width`, the
  /// last one cut with `…` when the text does not fit.
  static func wrap(_ text: String, width: Int, lines: Int) -> [String] {
    var result: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count <= width || current.isEmpty {
        current = candidate
      } else {
        result.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || result.isEmpty { result.append(current) }
    if result.count > lines {
      result = Array(result.prefix(lines - 1)) + [result[(lines - 1)...].joined(separator: " ")]
    }
    return result.map { clipped($0, to: width) }
  }

  /// `text` cut to at most `width` characters, ending in `…` when cut.
  static func clipped(_ text: String, to width: Int) -> String {
    guard text.count > width else { return text }
    guard width > 1 else { return String(text.prefix(max(0, width))) }
    return String(text.prefix(width - 1)) + "…"
  }
}
