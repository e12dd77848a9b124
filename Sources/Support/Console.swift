#if canImport(Glibc)
  import Glibc
#endif

/// Where everything a program shows goes: `print`, progress bars, tables
/// and plots all write through the one console, so that a transcript or a
/// test can capture exactly what the user saw.
public final class Console: @unchecked Sendable {
  /// How much colour the output may carry.
  public enum ColorDepth: Sendable {
    case none
    case palette256
    case trueColor
  }

  /// The process's console, writing to standard output.
  nonisolated(unsafe) public static var shared = Console()

  /// The colour the output may use; `.none` means no escape codes at all.
  public var colorDepth: ColorDepth
  /// The width in columns that tables, bars and plots fit into.
  public var width: Int
  /// Whether output goes to a terminal, where bars redraw in place.
  public var isTerminal: Bool
  /// Receivers of every piece of text written, in addition to the output
  /// itself (a transcript, a captured cell).
  public var observers: [(String) -> Void] = []
  /// When set, text goes here instead of to standard output.
  public var redirect: ((String) -> Void)?

  /// Makes a console that looks at the environment and standard output.
  public init(environment: [String: String] = Console.processEnvironment()) {
    let terminal = isatty(STDOUT_FILENO) == 1
    isTerminal = terminal
    width = Console.detectWidth(environment: environment, terminal: terminal)
    colorDepth = Console.detectColor(environment: environment, terminal: terminal)
  }

  /// Makes a console with explicit settings, for tests and captures.
  public init(width: Int, colorDepth: ColorDepth, isTerminal: Bool) {
    self.width = width
    self.colorDepth = colorDepth
    self.isTerminal = isTerminal
  }

  /// Whether any colour may be written.
  public var usesColor: Bool { colorDepth != .none }

  /// Whether the last text written ended its line (a progress bar being
  /// redrawn does not), so that what follows can start a fresh one.
  public private(set) var endsLine = true

  /// The `errno` of the first write to standard output that failed since
  /// `takeWriteFailure()` last looked (a full disk, a closed pipe).
  public private(set) var writeFailure: Int32?

  /// The pending write failure, cleared, so that `print` can raise it once.
  public func takeWriteFailure() -> Int32? {
    defer { writeFailure = nil }
    return writeFailure
  }

  /// Writes text as it is, without adding a newline.
  public func write(_ text: String) {
    if let last = text.last { endsLine = last == "\n" }
    for observer in observers { observer(text) }
    if let redirect {
      redirect(text)
      return
    }
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < buffer.count {
        let written = Glibc.write(
          STDOUT_FILENO, base + start, buffer.count - start)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 {
          // Output that is lost must not pass unnoticed, as CPython's
          // OSError at a failed print does not.
          if writeFailure == nil { writeFailure = written < 0 ? errno : EIO }
          return
        }
        start += written
      }
    }
  }

  /// Writes text followed by a newline.
  public func writeLine(_ text: String = "") { write(text + "\n") }

  /// The colour depth the environment asks for: none for `NO_COLOR`,
  /// `TERM=dumb` or a non-terminal, 24-bit for `COLORTERM=truecolor`.
  public static func detectColor(
    environment: [String: String], terminal: Bool
  ) -> ColorDepth {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    if environment["TERM"] == "dumb" { return .none }
    let forced = environment["FORCE_COLOR"].map { !$0.isEmpty } ?? false
    guard terminal || forced else { return .none }
    let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
    if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
    return .palette256
  }

  /// The width to draw at: `COLUMNS`, then the terminal's, then 80.
  public static func detectWidth(
    environment: [String: String], terminal: Bool
  ) -> Int {
    if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 {
      return min(columns, 1000)
    }
    if terminal {
      var size = winsize()
      if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
        return Int(size.ws_col)
      }
    }
    return 80
  }

  /// The process's environment variables.
  public static func processEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    var cursor = environ
    while let entry = cursor.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      cursor += 1
    }
    return result
  }
}
