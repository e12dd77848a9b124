import Language
import Support

/// A figure (`matplotlib.figure.Figure`), as `plt.figure()` returns it.
final class FigureObject: PyObject {
  let state: FigureState

  init(_ state: FigureState) { self.state = state }

  override var type: PyType { Self.pyType }

  static let pyType = PyType("Figure") { type in
    type.method("add_subplot") { (figure: FigureObject, arguments) in
      let axes = try Pyplot.subplot(in: figure.state, arguments, name: "add_subplot")
      return .object(AxesObject(axes))
    }
    type.method("gca") { (figure: FigureObject, _) in
      .object(AxesObject(figure.state.currentAxes))
    }
    type.method("suptitle") { (figure: FigureObject, arguments) in
      try Pyplot.suptitle(figure.state, arguments)
    }
    type.method("savefig") { (figure: FigureObject, arguments) in
      try Pyplot.savefig(figure.state, arguments)
    }
    type.method("show") { (figure: FigureObject, _) in
      Console.shared.write(
        figure.state.render(
          width: Console.shared.width, colorDepth: Console.shared.colorDepth))
      return .none
    }
    for name in ["tight_layout", "subplots_adjust", "colorbar", "set_size_inches"] {
      type.method(name) { (_: FigureObject, _) in .none }
    }
    type.property("axes") { (figure: FigureObject) in
      .list(figure.state.axes.compactMap { $0 }.map { .object(AxesObject($0)) })
    }
    type.property("number") { (figure: FigureObject) in .int(figure.state.number) }
  }

  override func repr() throws -> String {
    // At matplotlib's 100 dpi a column is 10 pixels and a row 20.
    let (width, height) = ((state.width ?? 64) * 10, (state.height ?? 24) * 20)
    return "<Figure size \(width)x\(height) with \(state.axes.compactMap { $0 }.count) Axes>"
  }
}
