import Language
import TerminalGraphics

/// The drawing calls shared by `plt.f(...)` and `ax.f(...)`: each reads
/// the call's arguments and changes one set of axes.
enum AxesCommands {
  /// `plot([x], y, [fmt], ..., label=None, color=None, **kwargs)`: lines,
  /// one per column of a 2-d `y`; a format with a marker and no line
  /// style draws points instead.
  static func plot(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("plot(*args, label=None, color=None, c=None, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.line, artist: "Line2D")
    let label = try bound.optional("label").map { try $0.str() }
    let color = try (bound.optional("color") ?? bound.optional("c")).map(ColorSpec.parse)
    var queue = bound.extra[...]
    var drawn: [Value] = []
    while let first = queue.popFirst() {
      var x: PlotData?
      var y = try PlotData(first, context: "plot() argument")
      if let next = queue.first, !next.isString {
        queue.removeFirst()
        x = y
        y = try PlotData(next, context: "plot() argument")
      }
      var format = try LineFormat("")
      if let next = queue.first, case .string(let text) = next {
        queue.removeFirst()
        format = try LineFormat(text)
      }
      try addLines(
        axes, x: x, y: y, format: format, label: label, color: color ?? format.color)
      drawn += (0..<(y.shape.count == 2 ? y.shape[1] : 1)).map { _ in Artist.line() }
    }
    return .list(drawn)
  }

  private static func addLines(
    _ axes: AxesState, x: PlotData?, y: PlotData, format: LineFormat, label: String?,
    color: RGB??
  ) throws {
    let columns = y.shape.count == 2 ? y.shape[1] : 1
    let rows = y.shape.count == 2 ? y.shape[0] : y.values.count
    guard y.shape.count <= 2 else {
      throw PyError.valueError("y can be no greater than 2D, but has shape \(y.shape)")
    }
    let xs = try x?.vector("x") ?? (0..<rows).map(Double.init)
    guard xs.count == rows else {
      throw PyError.valueError(
        "x and y must have same first dimension, but have shapes (\(xs.count),) and (\(rows),)")
    }
    for column in 0..<columns {
      let ys = (0..<rows).map { y.values[$0 * columns + column] }
      let index = axes.seriesCount
      axes.seriesCount += 1
      let seriesColor = color.map { $0 } ?? Palette.seriesColor(index)
      if let marker = format.marker, !format.hasLine {
        axes.chart.scatters.append(
          ScatterSeries(
            x: xs, y: ys, label: label, color: seriesColor, glyph: LineFormat.glyph(marker)))
      } else {
        axes.chart.lines.append(
          LineSeries(
            x: xs, y: ys, label: label, color: seriesColor, glyph: Palette.seriesGlyph(index)))
      }
    }
  }

  /// `scatter(x, y, s=None, c=None, marker=None, ...)`: points; numbers in
  /// `c` with few distinct values draw one class each, with a legend.
  static func scatter(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind(
      "scatter(x, y, s=None, c=None, marker=None, cmap=None, alpha=None, label=None,"
        + " color=None, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.collection, artist: "PathCollection")
    let x = try PlotData(bound["x"] ?? .none, context: "scatter() argument 'x'").vector("x")
    let y = try PlotData(bound["y"] ?? .none, context: "scatter() argument 'y'").vector("y")
    guard x.count == y.count else { throw PyError.valueError("x and y must be the same size") }
    let label = try bound.optional("label").map { try $0.str() }
    let marker = try bound.optional("marker").map { try $0.str() }
    let glyph = marker?.first.map(LineFormat.glyph)

    if let c = bound.optional("c"), !c.isString {
      let classes = try PlotData(c, context: "scatter() argument 'c'").values
      if classes.count == x.count {
        addClasses(axes, x: x, y: y, classes: classes, glyph: glyph)
        return .object(Artist("matplotlib.collections.PathCollection"))
      }
    }
    let colorValue = bound.optional("color") ?? bound.optional("c")
    let index = axes.seriesCount
    axes.seriesCount += 1
    let color = try colorValue.map(ColorSpec.parse) ?? Palette.seriesColor(index)
    axes.chart.scatters.append(
      ScatterSeries(
        x: x, y: y, label: label, color: color,
        glyph: glyph ?? Palette.classGlyph(axes.scatterCount)))
    axes.scatterCount += 1
    return .object(Artist("matplotlib.collections.PathCollection"))
  }

  /// Adds one scatter series per distinct value of `classes` (or per
  /// colour band, when there are many values), with a legend.
  static func addClasses(
    _ axes: AxesState, x: [Double], y: [Double], classes: [Double], glyph: Character?,
    names: [String]? = nil
  ) {
    let distinct = Array(Set(classes.filter(\.isFinite))).sorted()
    let isDiscrete = distinct.count <= 10
    for (index, value) in distinct.enumerated() where isDiscrete {
      let members = classes.indices.filter { classes[$0] == value }
      let name = names.map { index < $0.count ? $0[index] : "" } ?? "class \(formatLabel(value))"
      axes.chart.scatters.append(
        ScatterSeries(
          x: members.map { x[$0] }, y: members.map { y[$0] }, label: name,
          color: Palette.classColor(index), glyph: glyph ?? Palette.classGlyph(index)))
    }
    if isDiscrete {
      axes.chart.showsLegend = true
      return
    }
    // Many values: colour by viridis in eight bands, without a legend.
    let low = distinct.first ?? 0
    let span = max((distinct.last ?? 1) - low, .leastNonzeroMagnitude)
    for band in 0..<8 {
      let members = classes.indices.filter {
        classes[$0].isFinite && min(7, Int((classes[$0] - low) / span * 8)) == band
      }
      axes.chart.scatters.append(
        ScatterSeries(
          x: members.map { x[$0] }, y: members.map { y[$0] }, label: nil,
          color: Colormap.viridis.color(Double(band) / 7), glyph: glyph ?? "o"))
    }
  }

  /// A class value as a label: `0` for 0.0, `0.5` otherwise.
  static func formatLabel(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return formatFloat(value)
  }
}

extension Value {
  /// Whether the value is a str.
  var isString: Bool {
    if case .string = self { return true }
    return false
  }
}
