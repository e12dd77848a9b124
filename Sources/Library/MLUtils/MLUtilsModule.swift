import Language

/// The `mlutils` module: the course's plotting helpers
/// (`from local.lib import mlutils`).
func makeMLUtilsModule() throws -> PyModule {
  let module = PyModule("mlutils", doc: "The course's helpers for 2-d classification data.")
  module.function("plot_2Ddata", doc: "Scatter plot of 2-d points, one colour and glyph a class.") {
    arguments in
    let bound = try arguments.bind("plot_2Ddata(X, y, dots_alpha=.5, noticks=False)")
    let data = try ClassData(x: bound["X"] ?? .none, y: bound["y"] ?? .none)
    data.draw(on: Matplotlib.currentAxes)
    return .none
  }
  module.function(
    "plot_2Ddata_with_boundary",
    doc: "Plots the data over the regions `predict` assigns; returns the class 0 and 1 shares."
  ) { arguments in
    let bound = try arguments.bind(
      "plot_2Ddata_with_boundary(predict, X, y, line_width=3, line_alpha=1,"
        + " line_color='black', dots_alpha=.5, label=None, noticks=False)")
    let data = try ClassData(x: bound["X"] ?? .none, y: bound["y"] ?? .none)
    let axes = Matplotlib.currentAxes
    data.draw(on: axes)
    let boundary = try DecisionBoundary(
      predict: bound["predict"] ?? .none, mins: data.mins, maxs: data.maxs)
    return try boundary.draw(on: axes, labels: data.labels)
  }
  module.function(
    "plot_2D_boundary", doc: "Paints the regions `predict` assigns over a widened box."
  ) { arguments in
    let bound = try arguments.bind(
      "plot_2D_boundary(predict, mins, maxs, n=200, line_width=3, line_color='black',"
        + " line_alpha=1, label=None)")
    let mins = try PlotDataReader.pair(bound["mins"] ?? .none, "mins")
    let maxs = try PlotDataReader.pair(bound["maxs"] ?? .none, "maxs")
    let boundary = try DecisionBoundary(
      predict: bound["predict"] ?? .none, mins: mins, maxs: maxs,
      count: try bound.int("n", default: 200))
    return try boundary.draw(on: Matplotlib.currentAxes, labels: [0, 1])
  }
  return module
}
