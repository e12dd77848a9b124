import Language
import Tensors
import TerminalGraphics

extension AxesCommands {
  /// `hist(x, bins=10, range=None, density=False, weights=None, ...)`:
  /// NumPy's bin counts drawn as bars; returns `(n, bins, patches)` with
  /// the counts as floats, as matplotlib does. A 2-d `x` or a list of
  /// sequences is several datasets, drawn side by side in each bin.
  static func hist(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind(
      "hist(x, bins=None, range=None, density=False, weights=None, cumulative=False,"
        + " bottom=None, histtype='bar', align='mid', orientation='vertical', rwidth=None,"
        + " log=False, color=None, label=None, stacked=False, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.patch, artist: "Rectangle")
    var datasets = try histogramDatasets(bound["x"] ?? .none)
    var weights = try bound.optional("weights").map { try histogramDatasets($0) }
    if let weights, weights.map(\.count) != datasets.map(\.count) {
      throw PyError.valueError("weights should have the same shape as x")
    }
    // matplotlib leaves NaN out before binning, where np.histogram refuses it.
    for index in datasets.indices where datasets[index].contains(where: \.isNaN) {
      let kept = datasets[index].indices.filter { !datasets[index][$0].isNaN }
      if let given = weights?[index] { weights?[index] = kept.map { given[$0] } }
      datasets[index] = kept.map { datasets[index][$0] }
    }
    // TODO: horizontal, stacked, step and cumulative histograms are drawn
    // as plain vertical bars side by side.
    let everything = datasets.flatMap { $0 }
    let shared = try Histogram.reading(
      everything, bins: bound.optional("bins"), range: bound.optional("range"),
      weights: nil, function: "hist")
    let density = try bound.bool("density", default: false)
    var heights: [[Double]] = []
    for (index, values) in datasets.enumerated() {
      let counted = try Histogram(values, edges: shared.edges, weights: weights?[index])
      heights.append(density ? counted.densities : counted.counts)
    }

    let labels = try labelList(bound.optional("label"), count: datasets.count)
    let colors = try colorList(bound.optional("color"), count: datasets.count)
    let bins = shared.edges.count - 1
    let share =
      try bound.optional("rwidth").map { try $0.asDouble() }
      ?? (datasets.count > 1 ? 0.8 : 1)
    let bottom = try bound.optional("bottom").map { try $0.asDouble() } ?? 0
    for (index, counts) in heights.enumerated() {
      var bars: [Bar] = []
      for bin in 0..<bins {
        let binWidth = shared.edges[bin + 1] - shared.edges[bin]
        let width = share * binWidth / Double(datasets.count)
        let offset = -0.5 * share * binWidth * (1 - 1 / Double(datasets.count))
        let center = shared.edges[bin] + 0.5 * binWidth + offset + Double(index) * width
        bars.append(
          Bar(left: center - width / 2, width: width, bottom: bottom, height: counts[bin]))
      }
      addBars(axes, bars, label: labels[index], color: colors[index])
    }

    let edges = Value(array: try NDArray(shared.edges, shape: [shared.edges.count]))
    let patches = barContainer(count: bins)
    if datasets.count == 1 {
      return .tuple([Value(array: try NDArray(heights[0], shape: [bins])), edges, patches])
    }
    return .tuple([
      .list(try heights.map { Value(array: try NDArray($0, shape: [bins])) }), edges,
      .list(heights.map { _ in patches }),
    ])
  }

  /// The datasets of a histogram: one for a 1-d sequence, the columns of a
  /// 2-d array, or each item of a list of sequences.
  private static func histogramDatasets(_ value: Value) throws -> [[Double]] {
    if let items = value.object(as: PyList.self)?.items ?? value.object(as: PyTuple.self)?.items,
      items.contains(where: { $0.numericValue == nil && PlotData.shape(of: $0) != [] })
    {
      return try items.map { try PlotData($0, context: "hist() argument 'x'").values }
    }
    let data = try PlotData(value, context: "hist() argument 'x'")
    guard data.shape.count == 2 else {
      guard data.shape.count <= 1 else {
        throw PyError.valueError("x must have 2 or fewer dimensions")
      }
      return [data.values]
    }
    let (rows, columns) = (data.shape[0], data.shape[1])
    return (0..<columns).map { column in
      (0..<rows).map { data.values[$0 * columns + column] }
    }
  }

  /// `bar(x, height, width=0.8, bottom=None, align='center', ...)`: one bar
  /// per x (numbers, or names laid out at 0, 1, 2, ... and shown as tick
  /// labels); a single height, width or bottom applies to every bar.
  static func bar(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind(
      "bar(x, height, width=0.8, bottom=None, *, align='center', color=None, label=None,"
        + " tick_label=None, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.patch, artist: "Rectangle")
    let xValue = bound["x"] ?? .none
    var names: [String]?
    var xs: [Double]
    if let items = try? listItems(xValue), items.contains(where: \.isString) {
      names = try items.map { try $0.str() }
      xs = try categoryPositions(axes, names ?? [])
    } else if case .string(let name) = xValue {
      names = [name]
      xs = try categoryPositions(axes, [name])
    } else {
      xs = try PlotData(xValue, context: "bar() argument 'x'").values
    }
    let heights = try PlotData(bound["height"] ?? .none, context: "bar() argument 'height'")
      .values
    let widths = try PlotData(bound["width"] ?? .float(0.8), context: "bar() argument 'width'")
      .values
    let bottoms = try PlotData(bound["bottom"] ?? .int(0), context: "bar() argument 'bottom'")
      .values
    let count = max(xs.count, heights.count, widths.count, bottoms.count)
    for (name, list) in [("x", xs), ("height", heights), ("width", widths), ("bottom", bottoms)]
    where list.count != 1 && list.count != count {
      throw PyError.valueError(
        "shape mismatch: \(name) has \(list.count) values where the others have \(count)")
    }
    func at(_ list: [Double], _ index: Int) -> Double { list.count == 1 ? list[0] : list[index] }
    let align = try bound.string("align", default: "center")
    guard align == "center" || align == "edge" else {
      throw PyError.valueError(
        "'\(align)' is not a valid value for align; supported values are"
          + " 'center', 'edge'")
    }
    var bars: [Bar] = []
    for index in 0..<(xs.isEmpty || heights.isEmpty ? 0 : count) {
      let width = at(widths, index)
      let left = at(xs, index) - (align == "center" ? width / 2 : 0)
      bars.append(
        Bar(left: left, width: width, bottom: at(bottoms, index), height: at(heights, index)))
    }
    if let tickLabels = bound.optional("tick_label") {
      names = try listItems(tickLabels).map { try $0.str() }
      let positions = (0..<count).map { at(xs, $0) }
      axes.chart.xTickLabels = zip(positions, names ?? []).map { ($0, $1) }
    }
    let label = try bound.optional("label").map { try $0.str() }
    // TODO: a list of colours colours every bar with the first one, since
    // a series has one colour.
    let color: RGB?? = try bound.optional("color").map { try colorList($0, count: 1)[0] } ?? .none
    addBars(axes, bars, label: label, color: color)
    return barContainer(count: bars.count)
  }

  /// The x positions of category names, continuing the axes' categories
  /// as matplotlib does: a name seen before keeps its place.
  private static func categoryPositions(_ axes: AxesState, _ names: [String]) throws -> [Double] {
    var known = axes.chart.xTickLabels ?? []
    var positions: [Double] = []
    for name in names {
      if let existing = known.first(where: { $0.label == name }) {
        positions.append(existing.value)
      } else {
        let position = Double(known.count)
        known.append((position, name))
        positions.append(position)
      }
    }
    axes.chart.xTickLabels = known
    return positions
  }

  /// Adds a series of bars in the next colour of the cycle.
  private static func addBars(_ axes: AxesState, _ bars: [Bar], label: String?, color: RGB??) {
    let index = axes.seriesCount
    axes.seriesCount += 1
    let fills: [Character] = ["█", "▒", "░", "#", "%", "=", "+", "*"]
    axes.chart.bars.append(
      BarSeries(
        bars: bars, label: label, color: color.map { $0 } ?? Palette.seriesColor(index),
        fill: fills[axes.chart.bars.count % fills.count]))
    if label != nil && !(label?.hasPrefix("_") ?? false) { axes.chart.showsLegend = true }
  }

  /// Labels for `count` datasets: one string each, or none.
  private static func labelList(_ value: Value?, count: Int) throws -> [String?] {
    guard let value else { return Array(repeating: nil, count: count) }
    if case .string(let text) = value {
      return [text] + Array(repeating: nil, count: max(0, count - 1))
    }
    let items = try listItems(value).map { try $0.str() }
    return (0..<count).map { $0 < items.count ? items[$0] : nil }
  }

  /// Colours for `count` datasets: one colour for all, or one each;
  /// `.none` where the cycle picks.
  static func colorList(_ value: Value?, count: Int) throws -> [RGB??] {
    guard let value else { return Array(repeating: .none, count: count) }
    if case .string = value {
      return Array(repeating: .some(try ColorSpec.parse(value)), count: count)
    }
    let items = try listItems(value)
    if items.count >= 3, items.count <= 4, items.allSatisfy(\.isNumber) {
      return Array(repeating: .some(try ColorSpec.parse(value)), count: count)
    }
    return try (0..<count).map { index -> RGB?? in
      guard !items.isEmpty else { return .none }
      return .some(try ColorSpec.parse(items[index % items.count]))
    }
  }

  /// What `bar` and `hist` return for their rectangles.
  private static func barContainer(count: Int) -> Value {
    .object(
      Artist(
        "matplotlib.container.BarContainer",
        repr: "<BarContainer object of \(count) artists>"))
  }
}
