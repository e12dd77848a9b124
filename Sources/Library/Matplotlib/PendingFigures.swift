/// Figures drawn by a cell but not yet shown. As in Jupyter's inline
/// backend, a figure appears when the cell that drew it ends (or at
/// `plt.show()`); the notebook calls `flush()` after every cell and
/// every REPL input.
public enum PendingFigures {
  /// Renders every pending figure to the console and forgets them.
  public static func flush() {
    // TODO: nothing is drawn yet.
  }
}
