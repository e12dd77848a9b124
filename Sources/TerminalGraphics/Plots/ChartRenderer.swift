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
      chart.regions == nil
    {
      return renderImage(image, title: chart.title, width: width, height: height, depth: depth)
    }
    return Layout(chart: chart, width: width, height: height, depth: depth).draw()
  }

  /// A picture under its centred title, scaled to fit.
  static func renderImage(
    _ image: RasterImage, title: String?, width: Int, height: Int,
    depth: Console.ColorDepth
  ) -> CellGrid {
    let titleRows = title == nil ? 0 : 1
    let size = ImagePlot.displaySize(image, columns: width, rows: height - titleRows)
    let picture = ImagePlot.cells(
      ImagePlot.resample(image, width: size.width, height: size.height), depth: depth)
    let titleWidth = min(width, title?.count ?? 0)
    var grid = CellGrid(
      width: max(picture.width, titleWidth), height: picture.height + titleRows)
    if let title {
      grid.write(
        clipped(title, to: grid.width), column: max(0, (picture.width - titleWidth) / 2), row: 0)
    }
    grid.paste(picture, column: 0, row: titleRows)
    return grid
  }

  /// `text` cut to at most `width` characters, ending in `…` when cut.
  static func clipped(_ text: String, to width: Int) -> String {
    guard text.count > width else { return text }
    guard width > 1 else { return String(text.prefix(max(0, width))) }
    return String(text.prefix(width - 1)) + "…"
  }
}
