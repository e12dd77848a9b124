/// Lines a notebook carries for Jupyter's sake that mean nothing here.
public enum NotebookSetupLines {
  /// The line magics a lesson may keep from its notebook: figures always
  /// show inline, and extensions do not exist.
  static let ignoredMagics = ["%matplotlib", "%load_ext", "%config"]

  /// The cell's code with ignored magic lines blanked (so that line
  /// numbers stay those of the file).
  public static func strip(_ source: String) -> String {
    guard source.contains("%") else { return source }
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.map { line -> String in
      let code = line.drop { $0 == " " || $0 == "\t" }
      let word = code.prefix { !$0.isWhitespace }
      return ignoredMagics.contains(String(word)) ? "" : String(line)
    }.joined(separator: "\n")
  }
}
