#if canImport(Glibc)
  import Glibc
#endif

/// The REPL's persistent history: one entry per input (a multi-line
/// block is one entry), kept across sessions.
///
/// The file starts with a header line; each entry is one line, with
/// newlines and backslashes escaped. A file without the header (another
/// program's history) is never read as ours nor overwritten; lines that
/// are not valid text are kept as they are but not offered for recall.
public final class HistoryFile {
  /// The first line of every history file mlscript writes.
  public static let header = "#mlscript-history-v1"
  /// The most entries kept; older ones are dropped when saving.
  public static let limit = 5000

  /// Where the history lives.
  public let path: String
  /// The entries to offer for recall, oldest first.
  public private(set) var entries: [String] = []
  /// Why the history cannot be saved, once that is known.
  public private(set) var problem: String?
  private var added: [String] = []

  /// Reads the history at `path`; a missing file is an empty history.
  public init(path: String) {
    self.path = path
    guard let bytes = AtomicFile.read(path) else {
      if access(path, F_OK) == 0 {
        problem = "cannot read history file \(path); history will not be saved"
      }
      return
    }
    guard let lines = HistoryFile.storedLines(bytes) else {
      problem =
        "\(path) is not an mlscript history file; it is left untouched"
        + " and this session's history will not be saved"
      return
    }
    entries = lines.compactMap(HistoryFile.decode)
  }

  /// The history path: `MLSCRIPT_HISTORY`, else
  /// `${XDG_STATE_HOME:-~/.local/state}/mlscript/history`.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let path = environment["MLSCRIPT_HISTORY"], !path.isEmpty { return path }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/mlscript/history"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/mlscript/history"
  }

  /// Records an input; repeats of the previous entry and blank inputs
  /// are skipped. Returns whether it was recorded.
  @discardableResult
  public func add(_ entry: String) -> Bool {
    if entry.trimmingSpaces().isEmpty || entries.last == entry { return false }
    entries.append(entry)
    added.append(entry)
    return true
  }

  /// Writes the history: the file's current entries (another session may
  /// have added some) followed by this session's new ones. Returns the
  /// reason when it cannot; the first such reason is kept in `problem`.
  @discardableResult
  public func save() -> String? {
    if let problem { return problem }
    if added.isEmpty { return nil }
    var lines: [[UInt8]] = []
    if let bytes = AtomicFile.read(path) {
      guard let stored = HistoryFile.storedLines(bytes) else {
        problem = "\(path) is no longer an mlscript history file; it is left untouched"
        return problem
      }
      lines = stored
    }
    lines += added.map { Array(HistoryFile.encode($0).utf8) }
    if lines.count > HistoryFile.limit { lines.removeFirst(lines.count - HistoryFile.limit) }
    var bytes = Array((HistoryFile.header + "\n").utf8)
    for line in lines { bytes += line + [10] }
    do {
      guard AtomicFile.makeDirectories(AtomicFile.directory(of: path)) else {
        throw AtomicFile.WriteError(description: "cannot create the folder of \(path)")
      }
      try AtomicFile.write(bytes, to: path, mode: 0o600)
      added = []
      return nil
    } catch {
      problem = "history not saved: \(error)"
      return problem
    }
  }

  /// The raw entry lines of a file, or nil when it is not ours. An empty
  /// file counts as ours.
  static func storedLines(_ bytes: [UInt8]) -> [[UInt8]]? {
    if bytes.isEmpty { return [] }
    let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
    guard let first = lines.first, first == Array(header.utf8) else { return nil }
    return lines.dropFirst().filter { !$0.isEmpty }
  }

  /// One entry as a single line.
  static func encode(_ entry: String) -> String {
    var result = ""
    for character in entry {
      switch character {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.append(character)
      }
    }
    return result
  }

  /// The entry a stored line holds, or nil when it is not valid text.
  static func decode(_ line: [UInt8]) -> String? {
    guard let text = String(validating: line, as: UTF8.self) else { return nil }
    var result = ""
    var escaped = false
    for character in text {
      if escaped {
        switch character {
        case "n": result += "\n"
        case "r": result += "\r"
        default: result.append(character)
        }
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
