import Language
import TerminalGraphics

extension AxesCommands {
  /// `title(label)`, `xlabel(label)`, `ylabel(label)`.
  static func text(
    _ name: String, _ arguments: Arguments, at position: (x: String, y: String),
    _ apply: (String) -> Void
  ) throws -> Value {
    let bound = try arguments.bind("\(name)(label, fontdict=None, loc=None, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.text, artist: "Text")
    let text = try (bound["label"] ?? .none).str()
    // Titles are one line; a newline would break the frame below.
    apply(text.split(separator: "\n").joined(separator: " "))
    return Artist.text(x: position.x, y: position.y, text)
  }

  /// `xlim(left, right)` / `xlim((left, right))` / `xlim()`: sets and
  /// returns the limits.
  static func limits(
    _ name: String, _ arguments: Arguments, current: ClosedRange<Double>?,
    set: (ClosedRange<Double>) -> Void
  ) throws -> Value {
    let bound = try arguments.bind("\(name)(left=None, right=None, **kwargs)")
    var low = bound.optional("left")
    var high = bound.optional("right")
    if let pair = low, high == nil, !pair.isNumber {
      let values = try PlotData(pair, context: "\(name)() argument").values
      guard values.count == 2 else {
        throw PyError.typeError("\(name)() takes a pair of limits")
      }
      low = .float(values[0])
      high = .float(values[1])
    }
    let lower = try low?.asDouble(context: "\(name)() argument 'left'")
    let upper = try high?.asDouble(context: "\(name)() argument 'right'")
    guard lower?.isFinite ?? true, upper?.isFinite ?? true else {
      throw PyError.valueError("Axis limits cannot be NaN or Inf")
    }
    if lower != nil || upper != nil {
      let a = lower ?? current?.lowerBound ?? 0
      let b = upper ?? current?.upperBound ?? 1
      set(min(a, b)...max(a, b))
    }
    let shown = lower.flatMap { l in upper.map { (l, $0) } }
    let range = current.map { ($0.lowerBound, $0.upperBound) } ?? shown ?? (0, 1)
    return .tuple([.float(range.0), .float(range.1)])
  }

  /// `legend(labels=None, loc=None, ...)`: shows the legend; a list of
  /// labels names the series in order.
  static func legend(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("legend(*args, **kwargs)")
    try ArtistProperties.checkInit(bound, ArtistProperties.legend, type: "Legend")
    if let names = bound.extra.last, !names.isString {
      let labels = try listItems(names).map { try $0.str() }
      var index = 0
      for line in axes.chart.lines.indices where index < labels.count {
        axes.chart.lines[line].label = labels[index]
        index += 1
      }
      for scatter in axes.chart.scatters.indices where index < labels.count {
        axes.chart.scatters[scatter].label = labels[index]
        index += 1
      }
    }
    axes.chart.showsLegend = true
    return .object(Artist("matplotlib.legend.Legend"))
  }

  /// `grid(visible=None, ...)`: dotted lines at the ticks.
  static func grid(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("grid(visible=None, which='major', axis='both', **kwargs)")
    axes.chart.showsGrid = try bound.optional("visible")?.isTruthy() ?? !axes.chart.showsGrid
    return .none
  }

  /// `axis('off')` hides the frame and ticks; other options are accepted.
  static func axis(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("axis(arg=None, emit=True, **kwargs)")
    if case .string(let option)? = bound.optional("arg") {
      if option == "off" { axes.chart.showsAxes = false }
      if option == "on" { axes.chart.showsAxes = true }
    } else if case .bool(let flag)? = bound.optional("arg") {
      axes.chart.showsAxes = flag
    }
    return .none
  }

  /// The items of a list, tuple or 1-d array.
  static func listItems(_ value: Value) throws -> [Value] {
    if let list = value.object(as: PyList.self) { return list.items }
    if let tuple = value.object(as: PyTuple.self) { return tuple.items }
    return try PlotData(value, context: "argument").values.map(Value.float)
  }
}

extension Value {
  /// Whether the value is a plain number.
  var isNumber: Bool { numericValue != nil }
}
