import Language

/// A drawing call on one set of axes.
typealias AxesCommand = (AxesState, Arguments) throws -> Value

/// The calls pyplot and Axes share, under pyplot's names.
enum AxesCommandTable {
  /// Calls a terminal cannot honour but lessons make; accepted quietly.
  static let ignored = [
    "xticks", "yticks", "tick_params", "fill_between", "axhline", "axvline", "errorbar",
  ]

  /// The commands by pyplot name.
  static let commands: [String: AxesCommand] = {
    var table: [String: AxesCommand] = [
      "plot": AxesCommands.plot,
      "scatter": AxesCommands.scatter,
      "imshow": AxesCommands.imshow,
      "legend": AxesCommands.legend,
      "grid": AxesCommands.grid,
      "hist": AxesCommands.hist,
      "bar": AxesCommands.bar,
      "contour": { axes, arguments in
        try AxesCommands.contour(axes, arguments, filled: false)
      },
      "contourf": { axes, arguments in
        try AxesCommands.contour(axes, arguments, filled: true)
      },
      "text": AxesCommands.placeText,
      "annotate": AxesCommands.annotate,
      "axis": AxesCommands.axis,
      "title": { axes, arguments in
        try AxesCommands.text("title", arguments, at: ("0.5", "1.0")) { axes.chart.title = $0 }
      },
      "xlabel": { axes, arguments in
        try AxesCommands.text("xlabel", arguments, at: ("0.5", "0")) { axes.chart.xLabel = $0 }
      },
      "ylabel": { axes, arguments in
        try AxesCommands.text("ylabel", arguments, at: ("0", "0.5")) { axes.chart.yLabel = $0 }
      },
      "xlim": { axes, arguments in
        try AxesCommands.limits("xlim", arguments, current: axes.chart.xLimits) {
          axes.chart.xLimits = $0
        }
      },
      "ylim": { axes, arguments in
        try AxesCommands.limits("ylim", arguments, current: axes.chart.yLimits) {
          axes.chart.yLimits = $0
        }
      },
    ]
    // TODO: tick placement, shaded spans, reference lines and error bars
    // are not drawn; a lesson using them still runs without that part.
    for name in ignored { table[name] = { _, _ in .none } }
    return table
  }()
}

/// A set of axes (`matplotlib.axes.Axes`): what `plt.subplots` returns.
final class AxesObject: PyObject {
  let state: AxesState

  init(_ state: AxesState) { self.state = state }

  override var type: PyType { Self.pyType }

  /// Axes methods: pyplot's calls, with `set_` names for the setters.
  static let pyType = PyType("Axes") { type in
    for (name, command) in AxesCommandTable.commands {
      let methodName =
        ["title", "xlabel", "ylabel", "xlim", "ylim"].contains(name)
        ? "set_" + name : name
      type.method(methodName) { (axes: AxesObject, arguments) in
        try command(axes.state, arguments)
      }
    }
    for name in ["set_xticks", "set_yticks", "set_xticklabels", "set_yticklabels", "set_aspect"] {
      type.method(name) { (_: AxesObject, _) in .none }
    }
    type.method("set") { (axes: AxesObject, arguments) in
      for (name, value) in arguments.keywords {
        guard let command = AxesCommandTable.commands[name] else {
          throw PyError(.attributeError, "Axes.set() got an unexpected keyword argument '\(name)'")
        }
        _ = try command(axes.state, Arguments([value]))
      }
      return .none
    }
    type.method("get_title") { (axes: AxesObject, _) in .string(axes.state.chart.title ?? "") }
    type.method("get_xlim") { (axes: AxesObject, arguments) in
      _ = try arguments.bind("get_xlim()")
      return limitsValue(axes.state.chart.shownRanges.0)
    }
    type.method("get_ylim") { (axes: AxesObject, arguments) in
      _ = try arguments.bind("get_ylim()")
      return limitsValue(axes.state.chart.shownRanges.1)
    }
  }

  override func repr() throws -> String { "<Axes: >" }

  /// Limits as matplotlib returns them, a pair of NumPy floats.
  private static func limitsValue(_ range: ClosedRange<Double>) -> Value {
    .tuple([
      makeNumPyScalar(range.lowerBound, dtype: .float64),
      makeNumPyScalar(range.upperBound, dtype: .float64),
    ])
  }
}

/// Several axes in a grid, as `plt.subplots(rows, cols)` returns them:
/// indexable by `[i]` or `[i, j]`, iterable, with `flat` and `flatten()`.
final class AxesGrid: PyObject {
  let items: [AxesObject]
  let shape: [Int]

  init(_ items: [AxesObject], shape: [Int]) {
    self.items = items
    self.shape = shape
  }

  override var type: PyType { Self.pyType }

  static let pyType = PyType("ndarray") { type in
    type.property("flat") { (grid: AxesGrid) in grid.flatList() }
    type.property("shape") { (grid: AxesGrid) in .tuple(grid.shape.map(Value.int)) }
    type.method("flatten") { (grid: AxesGrid, _) in grid.flatList() }
    type.method("ravel") { (grid: AxesGrid, _) in grid.flatList() }
  }

  private func flatList() -> Value { .list(items.map { .object($0) }) }

  override func length() throws -> Int { shape.first ?? 0 }

  override func makeIterator() throws -> PyIterator {
    ArrayIterator(try (0..<length()).map { try item(.int($0)) })
  }

  override func item(_ key: Value) throws -> Value {
    let indices: [Value] = key.object(as: PyTuple.self)?.items ?? [key]
    guard indices.count <= shape.count else {
      throw PyError(.indexError, "too many indices for array")
    }
    var position = 0
    for (axis, index) in indices.enumerated() {
      var value = try index.asInt(context: "index")
      if value < 0 { value += shape[axis] }
      guard value >= 0, value < shape[axis] else {
        throw PyError(
          .indexError,
          "index \(value) is out of bounds for axis \(axis) with size \(shape[axis])")
      }
      position = position * shape[axis] + value
    }
    if indices.count == shape.count { return .object(items[position]) }
    let rest = Array(shape[indices.count...])
    let size = rest.reduce(1, *)
    return .object(AxesGrid(Array(items[position * size..<(position + 1) * size]), shape: rest))
  }

  override func repr() throws -> String {
    "array([" + items.map { _ in "<Axes: >" }.joined(separator: ", ") + "], dtype=object)"
  }
}
