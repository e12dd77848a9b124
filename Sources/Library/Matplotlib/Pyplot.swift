import Language
import Support
import TerminalGraphics

#if canImport(Glibc)
  import Glibc
#endif

/// The `matplotlib.pyplot` functions that manage figures; the drawing
/// calls come from `AxesCommandTable` and act on the current axes.
enum Pyplot {
  /// Builds the module.
  static func makeModule() -> PyModule {
    let module = PyModule("matplotlib.pyplot", doc: "Plots drawn as text in the terminal.")
    for (name, command) in AxesCommandTable.commands {
      module.function(name) { arguments in
        try command(PendingFigures.currentFigure.currentAxes, arguments)
      }
    }
    module.function("figure") { arguments in try figure(arguments) }
    module.function("subplot") { arguments in
      let axes = try subplot(in: PendingFigures.currentFigure, arguments, name: "subplot")
      return .object(AxesObject(axes))
    }
    module.function("subplots") { arguments in try subplots(arguments) }
    module.function("gca") { _ in .object(AxesObject(PendingFigures.currentFigure.currentAxes)) }
    module.function("gcf") { _ in .object(FigureObject(PendingFigures.currentFigure)) }
    module.function("show") { _ in
      PendingFigures.show(on: Console.shared)
      return .none
    }
    module.function("close") { arguments in try close(arguments) }
    module.function("clf") { _ in
      if let current = PendingFigures.current { PendingFigures.close(current) }
      return .none
    }
    module.function("suptitle") { arguments in
      try suptitle(PendingFigures.currentFigure, arguments)
    }
    module.function("savefig") { arguments in
      try savefig(PendingFigures.currentFigure, arguments)
    }
    for name in ["tight_layout", "colorbar", "ion", "ioff", "pause", "draw", "subplots_adjust"] {
      module.function(name) { _ in .none }
    }
    module.define("cm", .object(colormapModule()))
    module.define("rcParams", .object(PyDict()))
    let style = PyModule("matplotlib.style")
    style.function("use") { _ in .none }
    module.define("style", .object(style))
    return module
  }

  /// `plt.cm`: the colour maps by name.
  static func colormapModule() -> PyModule {
    let module = PyModule("matplotlib.cm")
    for map in Colormap.allCases { module.define(map.rawValue, .object(ColormapObject(map))) }
    module.define("Greys", .object(ColormapObject(.gray, reversed: true)))
    module.define("binary", .object(ColormapObject(.gray, reversed: true)))
    module.define("gray_r", .object(ColormapObject(.gray, reversed: true)))
    return module
  }

  /// `figure(num=None, figsize=None, ...)`: a new current figure.
  static func figure(_ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("figure(num=None, figsize=None, dpi=None, **kwargs)")
    try ArtistProperties.checkInit(bound, ArtistProperties.figure, type: "Figure")
    var size: (Int, Int)?
    if let figsize = bound.optional("figsize") {
      let inches = try PlotData(figsize, context: "figure() argument 'figsize'").values
      guard inches.count == 2 else {
        throw PyError.valueError("figsize must be a pair (width, height)")
      }
      size = FigureState.cells(inches: (inches[0], inches[1]))
    }
    let made = PendingFigures.newFigure(width: size?.0, height: size?.1)
    return .object(FigureObject(made))
  }

  /// `subplot(rows, cols, index)` or `subplot(231)`: the axes at a panel,
  /// counted from 1 row by row.
  static func subplot(
    in figure: FigureState, _ arguments: Arguments, name: String
  ) throws -> AxesState {
    let bound = try arguments.bind("\(name)(*args, **kwargs)")
    var numbers = try bound.extra.map { try $0.asInt(context: "\(name)() argument") }
    if numbers.count == 1, numbers[0] >= 111, numbers[0] <= 999 {
      numbers = [numbers[0] / 100, numbers[0] / 10 % 10, numbers[0] % 10]
    }
    if numbers.isEmpty { numbers = [1, 1, 1] }
    guard numbers.count == 3, numbers[0] > 0, numbers[1] > 0,
      numbers[0] <= 20, numbers[1] <= 20
    else {
      throw PyError.typeError("\(name)() takes (rows, cols, index), each from 1 to 20")
    }
    let count = numbers[0] * numbers[1]
    guard numbers[2] >= 1, numbers[2] <= count else {
      throw PyError.valueError(
        "num must be an integer with 1 <= num <= \(count), not \(numbers[2])")
    }
    return figure.axes(rows: numbers[0], columns: numbers[1], index: numbers[2] - 1)
  }

  /// `subplots(nrows=1, ncols=1, figsize=None, ...)`: a new figure and
  /// its axes (one, a row or column, or a grid).
  static func subplots(_ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind(
      "subplots(nrows=1, ncols=1, sharex=False, sharey=False, squeeze=True,"
        + " figsize=None, **kwargs)")
    try ArtistProperties.checkInit(bound, ArtistProperties.figure, type: "Figure")
    let rows = try bound.int("nrows", default: 1)
    let columns = try bound.int("ncols", default: 1)
    guard rows >= 1, columns >= 1, rows <= 20, columns <= 20 else {
      throw PyError.valueError("Number of rows and columns must be from 1 to 20")
    }
    let figureValue = try figure(
      Arguments([], keywords: bound.optional("figsize").map { [("figsize", $0)] } ?? []))
    guard let figure = figureValue.object(as: FigureObject.self)?.state else { return .none }
    var axes: [AxesObject] = []
    for index in 0..<rows * columns {
      axes.append(AxesObject(figure.axes(rows: rows, columns: columns, index: index)))
    }
    figure.currentIndex = 0
    let squeeze = try bound.bool("squeeze", default: true)
    let value: Value
    if squeeze && axes.count == 1 {
      value = .object(axes[0])
    } else if squeeze && (rows == 1 || columns == 1) {
      value = .object(AxesGrid(axes, shape: [axes.count]))
    } else {
      value = .object(AxesGrid(axes, shape: [rows, columns]))
    }
    return .tuple([figureValue, value])
  }

  /// `close()`, `close('all')` or `close(fig)`.
  static func close(_ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("close(fig=None)")
    if let figure = bound.optional("fig")?.object(as: FigureObject.self) {
      PendingFigures.close(figure.state)
    } else if case .string("all")? = bound.optional("fig") {
      PendingFigures.closeAll()
    } else if let current = PendingFigures.current {
      PendingFigures.close(current)
    }
    return .none
  }

  /// `suptitle(t)`: a title over the whole figure.
  static func suptitle(_ figure: FigureState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("suptitle(t, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.text, artist: "Text")
    figure.title = try (bound["t"] ?? .none).str()
    return .none
  }

  /// `savefig(fname)`: writes the figure as plain text (no colour), since
  /// a terminal has no image encoder.
  static func savefig(_ figure: FigureState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("savefig(fname, **kwargs)")
    let path = try (bound["fname"] ?? .none).str()
    // TODO: savefig writes the text picture whatever the file's extension;
    // there is no PNG or PDF encoder.
    let text = figure.render(width: Console.shared.width, colorDepth: .none)
    guard let handle = fopen(path, "w") else {
      throw PyError(.osError, "cannot open '\(path)' for writing")
    }
    fputs(text, handle)
    fclose(handle)
    return .none
  }
}
