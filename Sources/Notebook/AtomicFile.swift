#if canImport(Glibc)
  import Glibc
#endif

/// Writing a file so that a crash, an interrupt or a full disk never
/// leaves a half-written file where a good one was: the text goes to a
/// temporary name beside it, which is then renamed into place.
public enum AtomicFile {
  /// A write that failed, with the system's reason.
  public struct WriteError: Error, CustomStringConvertible {
    /// What went wrong, naming the file.
    public var description: String
  }

  /// Replaces the file at `path` with `bytes`.
  public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws {
    let temporary = "\(path).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard descriptor >= 0 else { throw failure("cannot write", path) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(descriptor, base + offset, buffer.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      if written <= 0 {
        let error = failure("cannot write", path)
        close(descriptor)
        unlink(temporary)
        throw error
      }
      offset += written
    }
    if fsync(descriptor) != 0 && errno != EINVAL {
      let error = failure("cannot flush", path)
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let error = failure("cannot replace", path)
      unlink(temporary)
      throw error
    }
  }

  /// Replaces the file at `path` with `text`.
  public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws {
    try write(Array(text.utf8), to: path, mode: mode)
  }

  /// The whole file at `path`, or nil when it cannot be read.
  public static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return Glibc.read(descriptor, base, buffer.count)
      }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return nil }
      if count == 0 { return result }
      result.append(contentsOf: chunk[0..<count])
    }
  }

  /// Makes `path` and any missing parent directories.
  public static func makeDirectories(_ path: String) -> Bool {
    if path.isEmpty { return true }
    var status = stat()
    if stat(path, &status) == 0 { return (status.st_mode & S_IFMT) == S_IFDIR }
    let parent = directory(of: path)
    if parent != path && !makeDirectories(parent) { return false }
    return mkdir(path, 0o755) == 0 || errno == EEXIST
  }

  /// The directory part of a path (`.` when it has none).
  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  private static func failure(_ what: String, _ path: String) -> WriteError {
    WriteError(description: "\(what) \(path): \(String(cString: strerror(errno)))")
  }
}
