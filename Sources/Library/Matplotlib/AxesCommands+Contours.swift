import Language
import Tensors
import TerminalGraphics

#if canImport(Glibc)
  import Glibc
#endif

extension AxesCommands {
  /// `contour([X, Y,] Z, [levels], **kwargs)` and `contourf(...)`: lines
  /// along the levels of Z over a regular grid, or the bands between
  /// them filled; levels default to about seven round numbers, as
  /// matplotlib picks them.
  static func contour(
    _ axes: AxesState, _ arguments: Arguments, filled: Bool
  ) throws -> Value {
    let name = filled ? "contourf" : "contour"
    let bound = try arguments.bind(
      "\(name)(*args, levels=None, colors=None, cmap=None, alpha=None, vmin=None, vmax=None,"
        + " **kwargs)")
    var positional = bound.extra
    var levelsValue = bound.optional("levels")
    if positional.count == 2 || positional.count == 4 {
      levelsValue = positional.removeLast()
    }
    guard positional.count == 1 || positional.count == 3 else {
      throw PyError.typeError(
        "\(name)() takes from 1 to 4 positional arguments but \(positional.count) were given")
    }
    let z = try PlotData(positional[positional.count - 1], context: "\(name)() argument 'Z'")
    guard z.shape.count == 2, z.shape[0] >= 2, z.shape[1] >= 2 else {
      throw PyError.typeError(
        "Input z must be at least a (2, 2) shaped array, but has shape"
          + " \(formatShapeText(z.shape))")
    }
    let (rows, columns) = (z.shape[0], z.shape[1])
    var xs = (0..<columns).map(Double.init)
    var ys = (0..<rows).map(Double.init)
    if positional.count == 3 {
      xs = try gridAxis(positional[0], along: 1, rows: rows, columns: columns, name: "X")
      ys = try gridAxis(positional[1], along: 0, rows: rows, columns: columns, name: "Y")
    }
    guard xs.allSatisfy(\.isFinite), ys.allSatisfy(\.isFinite) else {
      throw PyError.valueError("\(name)() needs finite X and Y coordinates")
    }
    var values = z.values
    // The field is stored with x and y ascending; a grid given the other
    // way round is flipped to match.
    if let first = xs.first, let last = xs.last, first > last {
      xs.reverse()
      values = (0..<rows).flatMap { row in
        (0..<columns).reversed().map { values[row * columns + $0] }
      }
    }
    if let first = ys.first, let last = ys.last, first > last {
      ys.reverse()
      values = (0..<rows).reversed().flatMap { row in
        values[(row * columns)..<((row + 1) * columns)]
      }
    }

    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else {
      throw PyError.valueError("\(name)() needs some finite values in Z")
    }
    let levels = try contourLevels(levelsValue, low: low, high: high, filled: filled, name: name)
    let colors = try contourColors(bound, levels: levels, filled: filled)
    guard let xFirst = xs.first, let xLast = xs.last, let yFirst = ys.first,
      let yLast = ys.last
    else { return .none }
    axes.chart.contours.append(
      ContourField(
        columns: columns, rows: rows, values: values, xRange: xFirst...xLast,
        yRange: yFirst...yLast, levels: levels, filled: filled, colors: colors))
    return .object(ContourSetObject(levels: levels))
  }

  /// The coordinates of a grid's columns (`along: 1`, from X) or rows
  /// (`along: 0`, from Y), from a 1-d axis or a 2-d `np.meshgrid` array.
  private static func gridAxis(
    _ value: Value, along axis: Int, rows: Int, columns: Int, name: String
  ) throws -> [Double] {
    let data = try PlotData(value, context: "contour() argument '\(name)'")
    let count = axis == 1 ? columns : rows
    if data.shape.count == 1 {
      guard data.values.count == count else {
        throw PyError.typeError(
          "Length of \(axis == 1 ? "x" : "y") (\(data.values.count)) must match number of"
            + " \(axis == 1 ? "columns" : "rows") in z (\(count))")
      }
      return data.values
    }
    guard data.shape == [rows, columns] else {
      throw PyError.typeError(
        "Shapes of x \(formatShapeText(data.shape)) and z \(formatShapeText([rows, columns]))"
          + " do not match")
    }
    // TODO: grids that are not regular and axis-aligned (meshgrid with
    // indexing='ij', or curvilinear X and Y) are drawn as if they were.
    return axis == 1
      ? (0..<columns).map { data.values[$0] }
      : (0..<rows).map { data.values[$0 * columns] }
  }

  /// The levels: those given (increasing), or matplotlib's choice of
  /// `count + 1` round numbers over the data (seven by default); filled
  /// contours trim levels beyond the data as matplotlib does.
  private static func contourLevels(
    _ value: Value?, low: Double, high: Double, filled: Bool, name: String
  ) throws -> [Double] {
    let isCount =
      value.map { PlotData.shape(of: $0) == nil && !$0.isFloat && (try? $0.asInt()) != nil }
      ?? true
    if let value, !isCount {
      let given = try PlotData(value, context: "\(name)() argument 'levels'").values
      for index in given.indices.dropFirst() where !(given[index] > given[index - 1]) {
        throw PyError.valueError("Contour levels must be increasing")
      }
      if filled && given.count < 2 {
        throw PyError.valueError("Filled contours require at least 2 levels.")
      }
      return given
    }
    let count = try value.map { try $0.asInt(context: "\(name)() argument 'levels'") } ?? 7
    guard count >= 1, count <= 1000 else {
      throw PyError.valueError("the number of levels must be from 1 to 1000, not \(count)")
    }
    let levels = RoundTicks.values(low, high, bins: count + 1)
    guard filled else { return levels }
    let under = levels.lastIndex(where: { $0 < low }) ?? 0
    let over = levels.firstIndex(where: { $0 > high }).map { $0 + 1 } ?? levels.count
    if over - under < 3 { return levels }
    return Array(levels[under..<over])
  }

  /// Each band's colour (filled) or each level's (lines): `colors` given,
  /// or the colour map at the band middles or levels, spread over it.
  private static func contourColors(
    _ bound: BoundArguments, levels: [Double], filled: Bool
  ) throws -> [RGB?] {
    let count = filled ? max(0, levels.count - 1) : levels.count
    if let given = bound.optional("colors") {
      return try colorList(given, count: count).map { $0 ?? nil }
    }
    let (map, reversed) = try colormap(bound.optional("cmap"))
    let points =
      filled ? (0..<count).map { (levels[$0] + levels[$0 + 1]) / 2 } : levels
    let low = try bound.optional("vmin")?.asDouble() ?? points.min() ?? 0
    let high = try bound.optional("vmax")?.asDouble() ?? points.max() ?? 1
    return points.map { point in
      let t = high > low ? (point - low) / (high - low) : 0
      return map.color(reversed ? 1 - t : t)
    }
  }

  /// `text(x, y, s, ha=..., color=..., ...)`: text at a data point.
  static func placeText(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("text(x, y, s, fontdict=None, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.text, artist: "Text")
    let x = try (bound["x"] ?? .none).asDouble(context: "text() argument 'x'")
    let y = try (bound["y"] ?? .none).asDouble(context: "text() argument 'y'")
    let content = try (bound["s"] ?? .none).str()
    try refuseTransforms(bound, "text")
    axes.chart.annotations.append(
      Annotation(
        text: content, x: x, y: y, alignment: try alignment(bound),
        color: try textColor(bound)))
    let shown = "Text(\(try (bound["x"] ?? .none).repr()), \(try (bound["y"] ?? .none).repr()), "
    return .object(
      Artist("matplotlib.text.Text", repr: shown + "\(try Value.string(content).repr()))"))
  }

  /// `annotate(text, xy, xytext=None, arrowprops=None, ...)`: text at
  /// `xytext` (or at `xy`), with an arrow to `xy` when `arrowprops` is
  /// given; `textcoords='offset points'` places the text that many
  /// points from `xy`.
  static func annotate(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind(
      "annotate(text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None,"
        + " annotation_clip=None, **kwargs)")
    try ArtistProperties.check(
      bound, ArtistProperties.text.union(["s"]), artist: "Annotation")
    let content = try (bound["text"] ?? .none).str()
    let point = try pair(bound["xy"] ?? .none, "xy")
    let coordinates = try bound.string("xycoords", default: "data")
    guard coordinates == "data" else {
      // TODO: only data coordinates are placed; axes and figure fractions
      // need the transform from the whole figure.
      throw PyError.valueError(
        "mlscript places annotations in data coordinates only, not '\(coordinates)'")
    }
    var anchor = point
    if let xytext = bound.optional("xytext") {
      let offset = try pair(xytext, "xytext")
      switch try bound.string("textcoords", default: "data") {
      case "data":
        anchor = offset
      case "offset points":
        anchor = offsetPoint(axes, from: point, inches: (offset.x / 72, offset.y / 72))
      case "offset pixels":
        anchor = offsetPoint(axes, from: point, inches: (offset.x / 100, offset.y / 100))
      case let other:
        throw PyError.valueError(
          "mlscript places annotation text in 'data', 'offset points' or 'offset pixels',"
            + " not '\(other)'")
      }
    }
    let arrow = bound.optional("arrowprops") != nil ? point : nil
    axes.chart.annotations.append(
      Annotation(
        text: content, x: anchor.x, y: anchor.y, alignment: try alignment(bound),
        arrowTo: arrow, color: try textColor(bound)))
    // matplotlib keeps the text's position as given, in its coordinates.
    let position = try listItems(bound.optional("xytext") ?? bound["xy"] ?? .none)
      .map { try $0.repr() }
    let shown =
      "Text(\(position.joined(separator: ", ")), \(try Value.string(content).repr()))"
    return .object(Artist("matplotlib.text.Annotation", repr: shown))
  }

  /// A point given as a pair of numbers.
  private static func pair(_ value: Value, _ name: String) throws -> (x: Double, y: Double) {
    let values = try PlotData(value, context: "annotate() argument '\(name)'").values
    guard values.count == 2 else {
      throw PyError.valueError("annotate() argument '\(name)' must be a pair (x, y)")
    }
    return (values[0], values[1])
  }

  /// The point some inches from `point` on a figure of matplotlib's
  /// default 6.4 x 4.8 inches, whose axes span the data drawn so far.
  private static func offsetPoint(
    _ axes: AxesState, from point: (x: Double, y: Double), inches: (Double, Double)
  ) -> (x: Double, y: Double) {
    // TODO: the offset uses the default figure size and the data drawn so
    // far, so it drifts when later data widens the axes.
    let (xRange, yRange) = axes.chart.shownRanges
    let x = point.x + inches.0 / 6.4 * (xRange.upperBound - xRange.lowerBound)
    let y = point.y + inches.1 / 4.8 * (yRange.upperBound - yRange.lowerBound)
    return (x, y)
  }

  /// The horizontal alignment named by `ha` / `horizontalalignment`.
  private static func alignment(_ bound: BoundArguments) throws -> Annotation.Alignment {
    let keywords = Dictionary(bound.extraKeywords.map { ($0.name, $0.value) }) { a, _ in a }
    guard let value = keywords["ha"] ?? keywords["horizontalalignment"] else { return .left }
    switch try value.str() {
    case "left": return .left
    case "center", "centre": return .center
    case "right": return .right
    case let other:
      throw PyError.valueError(
        "'\(other)' is not a valid value for horizontalalignment; supported values are"
          + " 'left', 'center', 'right'")
    }
  }

  /// The colour named by `color` / `c`, if any.
  private static func textColor(_ bound: BoundArguments) throws -> RGB? {
    let keywords = Dictionary(bound.extraKeywords.map { ($0.name, $0.value) }) { a, _ in a }
    guard let value = keywords["color"] ?? keywords["c"] else { return nil }
    return try ColorSpec.parse(value)
  }

  /// Refuses a `transform` the terminal cannot follow, rather than placing
  /// the text where the program did not mean it.
  private static func refuseTransforms(_ bound: BoundArguments, _ name: String) throws {
    guard bound.extraKeywords.contains(where: { $0.name == "transform" }) else { return }
    // TODO: transforms such as ax.transAxes are not modelled; texts go in
    // data coordinates only.
    throw PyError.valueError("mlscript places \(name)() in data coordinates only; drop transform=")
  }
}

/// What `contour` and `contourf` return: the levels they drew.
final class ContourSetObject: PyObject {
  let levels: [Double]

  init(levels: [Double]) { self.levels = levels }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("QuadContourSet") { t in
    t.property("levels") { (c: ContourSetObject) in
      Value(array: (try? NDArray(c.levels, shape: [c.levels.count])) ?? NDArray(scalar: 0.0))
    }
  }

  override func repr() throws -> String {
    let address = UInt(bitPattern: ObjectIdentifier(self).hashValue)
    return "<matplotlib.contour.QuadContourSet object at 0x\(String(address, radix: 16))>"
  }
}

/// matplotlib's `MaxNLocator` as contours use it: at most `bins`
/// intervals of a round step (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power
/// of ten).
enum RoundTicks {
  /// The tick values covering `low...high`.
  static func values(_ low: Double, _ high: Double, bins: Int) -> [Double] {
    var (vmin, vmax) = (low, high)
    // A flat or tiny range is widened first, as matplotlib's nonsingular
    // does.
    let largest = max(abs(vmin), abs(vmax))
    if largest < 1e20 * Double.leastNormalMagnitude {
      (vmin, vmax) = (-1e-13, 1e-13)
    } else if vmax - vmin <= largest * 1e-14 {
      if vmin == 0 && vmax == 0 {
        (vmin, vmax) = (-1e-13, 1e-13)
      } else {
        vmin -= 1e-13 * abs(vmin)
        vmax += 1e-13 * abs(vmax)
      }
    }
    let span = vmax - vmin
    let middle = (vmax + vmin) / 2
    let offset = abs(middle) / span < 100 ? 0 : copysign(pow(10, floor(log10(abs(middle)))), middle)
    let scale = pow(10, floor(log10(span / Double(bins))))
    let low = vmin - offset
    let high = vmax - offset
    let base = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]
    let steps = (base.dropLast().map { $0 * 0.1 } + base + [15]).map { $0 * scale }
    let raw = (high - low) / Double(bins)
    let widest = steps.firstIndex(where: { $0 >= raw }) ?? steps.count - 1
    var ticks: [Double] = []
    for step in steps[...widest].reversed() {
      let best = floorDivide(low, step) * step
      let tolerance =
        offset == 0 ? 1e-10 : min(0.4999, max(1e-10, pow(10, log10(abs(offset) / step) - 12)))
      let (d0, m0) = divide(low - best, step)
      let first = abs(m0 / step - 1) < tolerance ? d0 + 1 : d0
      let (d1, m1) = divide(high - best, step)
      let last = abs(m1 / step) < tolerance ? d1 : d1 + 1
      guard last >= first, last - first < 10_000, abs(first) < 1e15, abs(last) < 1e15 else {
        continue
      }
      ticks = (Int(first)...Int(last)).map { Double($0) * step + best }
      let shown = ticks.filter { $0 <= high && $0 >= low }.count
      if shown >= 1 { break }
    }
    return ticks.map { $0 + offset }
  }

  /// Python's `divmod` on floats.
  private static func divide(_ x: Double, _ y: Double) -> (Double, Double) {
    var remainder = fmod(x, y)
    var quotient = (x - remainder) / y
    if remainder != 0 && ((y < 0) != (remainder < 0)) {
      remainder += y
      quotient -= 1
    }
    var floored = floor(quotient)
    if quotient - floored > 0.5 { floored += 1 }
    return (floored, remainder)
  }

  /// Python's `//` on floats.
  private static func floorDivide(_ x: Double, _ y: Double) -> Double { divide(x, y).0 }
}
