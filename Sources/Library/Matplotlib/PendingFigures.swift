import Support

/// Figures drawn by a cell but not yet shown. As in Jupyter's inline
/// backend, a figure appears when the cell that drew it ends (or at
/// `plt.show()`); the notebook calls `flush()` after every cell and
/// every REPL input.
public enum PendingFigures {
  /// The open figures, oldest first.
  nonisolated(unsafe) static var figures: [FigureState] = []
  /// The figure `plt` functions draw on.
  nonisolated(unsafe) static var current: FigureState?
  nonisolated(unsafe) private static var lastNumber = 0

  /// Renders every pending figure to the console and forgets them.
  public static func flush() {
    show(on: Console.shared)
  }

  /// Renders every open figure that has something drawn, then closes all.
  static func show(on console: Console) {
    let open = figures
    closeAll()
    for figure in open where !figure.isEmpty {
      console.write(figure.render(width: console.width, colorDepth: console.colorDepth))
    }
  }

  /// Makes a figure and makes it current.
  static func newFigure(width: Int? = nil, height: Int? = nil) -> FigureState {
    lastNumber += 1
    let figure = FigureState(number: lastNumber, width: width, height: height)
    figures.append(figure)
    current = figure
    return figure
  }

  /// The current figure, made when there is none.
  static var currentFigure: FigureState {
    if let current { return current }
    return newFigure()
  }

  /// Forgets one figure.
  static func close(_ figure: FigureState) {
    figures.removeAll { $0 === figure }
    if current === figure { current = figures.last }
  }

  /// Forgets every figure.
  static func closeAll() {
    figures = []
    current = nil
  }
}
