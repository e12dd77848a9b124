#if canImport(Glibc)
  import Glibc
#endif

extension CommandLine {
  /// Runs the `mlscript` command with its arguments; returns the exit code.
  public static func run(_ arguments: [String]) -> Int32 {
    let options = Array(arguments.dropFirst())
    if options == ["--version"] {
      print("mlscript \(mlscriptVersion)")
      return 0
    }
    // TODO: the REPL, lesson stepping and the remaining options.
    print("usage: mlscript [--version]")
    return options.isEmpty ? 0 : 2
  }
}
