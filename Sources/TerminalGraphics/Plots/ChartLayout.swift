import Support

/// The placement of a chart's parts within its cells, worked out before
/// anything is drawn.
struct Layout {
  let chart: Chart
  let width: Int
  let height: Int
  let depth: Console.ColorDepth

  /// One legend entry: its marker, the marker's colour and the label.
  struct LegendEntry {
    let marker: String
    let color: RGB?
    let label: String
  }

  /// Draws the chart.
  func draw() -> CellGrid {
    var grid = CellGrid(width: width, height: height)
    let (xRange, yRange) = ranges()
    let legend = legendRows()
    let topRows = (chart.title == nil ? 0 : 1) + (chart.yLabel == nil ? 0 : 1)
    let framed = chart.showsAxes ? 1 : 0
    let bottomRows = (chart.showsAxes ? 1 : 0) + (chart.xLabel == nil ? 0 : 1) + legend.count
    let plotRows = max(1, height - topRows - bottomRows - 2 * framed)

    let yTicks = Ticks(yRange, count: max(2, plotRows * 2 / 5))
    let yLabels = chart.showsAxes ? yTicks.values.map(yTicks.label) : []
    let margin = chart.showsAxes ? (yLabels.map(\.count).max() ?? 0) + 1 : 0
    let plotColumns = max(1, width - margin - 2 * framed)
    var xTicks = Ticks(xRange, count: max(2, plotColumns / 10))
    if let named = chart.xTickLabels { xTicks = Ticks(labelled: named) }
    let left = margin + framed
    let top = topRows + framed

    var area = PlotArea(columns: plotColumns, rows: plotRows, xRange: xRange, yRange: yRange)
    let xTickColumns = xTicks.values.compactMap { area.cell(x: $0, y: yRange.lowerBound)?.column }
    let yTickRows = yTicks.values.compactMap { area.cell(x: xRange.lowerBound, y: $0)?.row }
    drawLayers(on: &area, xTickColumns: xTickColumns, yTickRows: yTickRows)
    grid.paste(area.grid, column: left, row: top)

    var row = 0
    if let title = chart.title {
      writeCentered(title, on: &grid, left: left, columns: plotColumns, row: row)
      row += 1
    }
    if let yLabel = chart.yLabel {
      grid.write(ChartRenderer.clipped(yLabel, to: width), column: 0, row: row)
    }
    if chart.showsAxes {
      drawFrame(
        on: &grid, left: left, top: top, columns: plotColumns, rows: plotRows,
        yTicks: zip(yTickRows, yLabels).map { $0 }, margin: margin)
      drawXTicks(
        on: &grid, left: left, row: top + plotRows, xTicks: xTicks, area: area)
    }
    row = top + plotRows + framed + (chart.showsAxes ? 1 : 0)
    if let xLabel = chart.xLabel {
      writeCentered(xLabel, on: &grid, left: left, columns: plotColumns, row: row)
      row += 1
    }
    drawLegend(legend, on: &grid, left: left, row: row)
    return grid
  }

  /// Writes `text` centred over the plot area's columns, clipped.
  private func writeCentered(
    _ text: String, on grid: inout CellGrid, left: Int, columns: Int, row: Int
  ) {
    let clipped = ChartRenderer.clipped(text, to: width)
    grid.write(clipped, column: max(0, left + (columns - clipped.count) / 2), row: row)
  }

  /// Writes the legend's rows from `row` down: marker in colour, label.
  private func drawLegend(
    _ legend: [[LegendEntry]], on grid: inout CellGrid, left: Int, row: Int
  ) {
    for (offset, line) in legend.enumerated() {
      var column = left
      for entry in line {
        grid.write(entry.marker, column: column, row: row + offset, foreground: entry.color)
        grid.write(" " + entry.label, column: column + entry.marker.count, row: row + offset)
        column += entry.marker.count + 1 + entry.label.count + 3
      }
    }
  }

  private func drawLayers(on area: inout PlotArea, xTickColumns: [Int], yTickRows: [Int]) {
    if let regions = chart.regions { area.paint(regions, depth: depth) }
    if let image = chart.image { area.paint(image, depth: depth) }
    for field in chart.contours where field.filled { area.fill(field, depth: depth) }
    if chart.showsGrid {
      area.drawGrid(columns: xTickColumns, rows: yTickRows, depth: depth)
    }
    area.drawBars(chart.bars, depth: depth)
    area.drawContourLines(chart.contours.filter { !$0.filled }, depth: depth)
    area.drawLines(chart.lines, depth: depth)
    area.drawMarkers(chart.scatters, depth: depth)
    area.drawAnnotations(chart.annotations, depth: depth)
  }

  private func drawFrame(
    on grid: inout CellGrid, left: Int, top: Int, columns: Int, rows: Int,
    yTicks: [(Int, String)], margin: Int
  ) {
    let right = left + columns
    let bottom = top + rows
    for column in left..<right {
      grid[column, top - 1] = Cell("─")
      grid[column, bottom] = Cell("─")
    }
    for row in top..<bottom {
      grid[left - 1, row] = Cell("│")
      grid[right, row] = Cell("│")
    }
    grid[left - 1, top - 1] = Cell("┌")
    grid[right, top - 1] = Cell("┐")
    grid[left - 1, bottom] = Cell("└")
    grid[right, bottom] = Cell("┘")
    for (row, label) in yTicks {
      grid[left - 1, top + row] = Cell("┤")
      grid.write(label, column: margin - 1 - label.count, row: top + row)
    }
  }

  private func drawXTicks(
    on grid: inout CellGrid, left: Int, row: Int, xTicks: Ticks, area: PlotArea
  ) {
    var free = 0
    for value in xTicks.values {
      guard let column = area.cell(x: value, y: area.yRange.lowerBound)?.column else {
        continue
      }
      grid[left + column, row] = Cell("┬")
      let label = xTicks.label(value)
      let start = max(0, min(width - label.count, left + column - label.count / 2))
      guard start >= free else { continue }
      grid.write(label, column: start, row: row + 1)
      free = start + label.count + 1
    }
  }

  /// The x and y ranges shown: the limits set, else the data's extent
  /// (regions exactly, lines and points with a 5% margin as matplotlib).
  func ranges() -> (ClosedRange<Double>, ClosedRange<Double>) {
    var xs: [Double] = []
    var ys: [Double] = []
    for line in chart.lines {
      xs += line.x
      ys += line.y
    }
    for scatter in chart.scatters {
      xs += scatter.x
      ys += scatter.y
    }
    var baselines: [Double] = []
    for bar in chart.bars.flatMap(\.bars) {
      xs += [bar.left, bar.left + bar.width]
      ys += [bar.bottom, bar.bottom + bar.height]
      baselines.append(bar.bottom)
    }
    for annotation in chart.annotations {
      xs.append(annotation.x)
      ys.append(annotation.y)
      if let target = annotation.arrowTo {
        xs.append(target.x)
        ys.append(target.y)
      }
    }
    var x = Layout.extent(xs, margin: 0.05)
    var y = Layout.extent(ys, margin: 0.05, sticky: baselines)
    if let regions = chart.regions {
      x = regions.xRange
      y = regions.yRange
    } else if let field = chart.contours.first {
      // Contours span their grid exactly, as matplotlib's do.
      x = field.xRange
      y = field.yRange
      for other in chart.contours.dropFirst() {
        x = min(x.lowerBound, other.xRange.lowerBound)...max(x.upperBound, other.xRange.upperBound)
        y = min(y.lowerBound, other.yRange.lowerBound)...max(y.upperBound, other.yRange.upperBound)
      }
    } else if let image = chart.image, xs.isEmpty {
      x = -0.5...(Double(image.width) - 0.5)
      y = -0.5...(Double(image.height) - 0.5)
    }
    return (Layout.valid(chart.xLimits) ?? x, Layout.valid(chart.yLimits) ?? y)
  }

  private static func valid(_ range: ClosedRange<Double>?) -> ClosedRange<Double>? {
    guard let range, range.lowerBound.isFinite, range.upperBound.isFinite else { return nil }
    if range.upperBound > range.lowerBound { return range }
    return (range.lowerBound - 0.5)...(range.lowerBound + 0.5)
  }

  /// The finite values' span widened by `margin` of itself on each side;
  /// a single value gets a span of one around it, no values 0...1.
  ///
  /// A `sticky` value the data reaches on one side (a bar's baseline)
  /// gets no margin on that side, as in matplotlib.
  static func extent(
    _ values: [Double], margin: Double, sticky: [Double] = []
  ) -> ClosedRange<Double> {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return 0...1 }
    guard high > low else { return (low - 0.5)...(high + 0.5) }
    let pad = (high - low) * margin
    let lower = sticky.contains(low) ? low : low - pad
    let upper = sticky.contains(high) ? high : high + pad
    return lower...upper
  }

  /// The legend's entries, wrapped into rows that fit the width.
  private func legendRows() -> [[LegendEntry]] {
    guard chart.showsLegend else { return [] }
    let glyphLines = depth == .none && chart.lines.count > 1
    var entries: [LegendEntry] = []
    for line in chart.lines {
      guard let label = line.label else { continue }
      let marker = glyphLines ? String(repeating: line.glyph, count: 2) : "──"
      entries.append(LegendEntry(marker: marker, color: line.color, label: label))
    }
    for scatter in chart.scatters {
      guard let label = scatter.label else { continue }
      entries.append(LegendEntry(marker: String(scatter.glyph), color: scatter.color, label: label))
    }
    let fillBars = depth == .none && chart.bars.count > 1
    for series in chart.bars {
      guard let label = series.label else { continue }
      entries.append(
        LegendEntry(
          marker: String(fillBars ? series.fill : "█"), color: series.color, label: label))
    }
    var rows: [[LegendEntry]] = []
    var current: [LegendEntry] = []
    var used = 0
    for entry in entries {
      let size = entry.marker.count + 1 + entry.label.count
      if !current.isEmpty && used + 3 + size > width {
        rows.append(current)
        current = []
        used = 0
      }
      used += (current.isEmpty ? 0 : 3) + size
      current.append(entry)
    }
    if !current.isEmpty { rows.append(current) }
    return rows
  }
}

extension Chart {
  /// The x and y ranges the chart shows: its limits, else its data's
  /// extent with matplotlib's margins.
  public var shownRanges: (ClosedRange<Double>, ClosedRange<Double>) {
    Layout(chart: self, width: 1, height: 1, depth: .none).ranges()
  }
}
