import CHDF5
import Foundation

/// How a file is opened, as h5py spells it.
public enum HDF5Mode: String, Sendable {
  /// `r`: read only; the file must exist.
  case read = "r"
  /// `r+`: read and write in place; the file must exist.
  case readWrite = "r+"
  /// `w`: a new file, replacing any old one when it is closed.
  case create = "w"
  /// `w-` or `x`: a new file; fails if one exists.
  case createExclusive = "w-"
  /// `a`: read and write in place if it exists, else a new file.
  case append = "a"

  /// Reads h5py's mode text (`x` is `w-`); nil for anything else.
  public init?(h5py text: String) {
    if text == "x" {
      self = .createExclusive
      return
    }
    self.init(rawValue: text)
  }
}

/// An open HDF5 file.
///
/// A new file (`w`, `w-`, `x`, or `a` on a missing path) is written under
/// a temporary name beside the target and moved into place by `close()`,
/// so a failed or interrupted write never leaves half a file under the
/// target name and never destroys the file that was there.
public final class HDF5File {
  /// The path as it was given.
  public let path: String
  /// The mode it was opened in (`a` on a missing file reads as `w-`).
  public let mode: HDF5Mode
  /// Whether the file may be written.
  public let isWritable: Bool
  /// Whether it is still open.
  public private(set) var isOpen: Bool
  /// The library's handle, valid while open.
  private(set) var id: hid_t
  /// Where a new file is written until it is moved to `path`.
  private let temporaryPath: String?
  /// Whether an existing file at `path` may be replaced on close.
  private let replaces: Bool
  /// Set when a write failed inside the library; close then keeps the
  /// old file.
  var writeFailed = false

  nonisolated(unsafe) private static var openFiles: [ObjectIdentifier: Weak] = [:]
  nonisolated(unsafe) private static var temporaryCounter = 0

  private final class Weak {
    weak var file: HDF5File?
    init(_ file: HDF5File) { self.file = file }
  }

  /// Opens `path` in `mode`, raising FileNotFoundError, FileExistsError,
  /// PermissionError or OSError with the path named. An existing file is
  /// first probed in a child process when `HDF5Probe` is enabled.
  public convenience init(_ path: String, mode: HDF5Mode = .read) throws {
    try self.init(path, mode: mode, probed: true)
  }

  /// Opens `path` in `mode`; `probed` false skips the child-process probe
  /// (for the probe itself).
  init(_ path: String, mode: HDF5Mode, probed: Bool) throws {
    self.path = path
    let exists = FileManager.default.fileExists(atPath: path)
    var effective = mode
    if mode == .append { effective = exists ? .readWrite : .createExclusive }
    self.mode = mode
    self.isWritable = effective != .read
    switch effective {
    case .read, .readWrite, .append:
      try Self.checkReadable(path, writing: effective != .read)
      if probed { try HDF5Probe.check(path) }
      temporaryPath = nil
      replaces = false
      id = try Self.openExisting(path, writable: effective != .read)
    case .create, .createExclusive:
      try Self.checkCreatable(path, exclusive: effective == .createExclusive)
      let temporary = Self.temporaryName(for: path)
      temporaryPath = temporary
      replaces = effective == .create
      id = try HDF5Library.run {
        let created = H5Fcreate(
          temporary, HDF5Library.truncate, HDF5Library.defaultProperties,
          HDF5Library.defaultProperties)
        guard created >= 0 else {
          let reason = HDF5Library.failure("Unable to create file")
          throw DataFileError("OSError", "\(reason): '\(path)'")
        }
        return created
      }
    }
    isOpen = true
    HDF5Library.lock.lock()
    Self.openFiles[ObjectIdentifier(self)] = Weak(self)
    HDF5Library.lock.unlock()
  }

  deinit {
    // Like h5py, a file dropped without close() keeps what was written.
    try? close()
  }

  /// The file's root group, `/`.
  public var root: HDF5Group { HDF5Group(file: self, path: "/") }

  /// The file name h5py's reprs show: `mini_cifar.h5`.
  public var displayName: String { (path as NSString).lastPathComponent }

  /// Closes the file; a new file is moved into place under its name. A
  /// second close does nothing.
  public func close() throws {
    try HDF5Library.run {
      guard isOpen else { return }
      isOpen = false
      Self.openFiles[ObjectIdentifier(self)] = nil
      let closed = H5Fclose(id) >= 0
      let closeReason = closed ? "" : HDF5Library.failure("Unable to close file")
      guard let temporary = temporaryPath else {
        if !closed { throw DataFileError("OSError", "\(closeReason): '\(path)'") }
        return
      }
      guard closed, !writeFailed else {
        unlink(temporary)
        let reason = closed ? "a write into it failed" : closeReason
        throw DataFileError(
          "OSError", "\(reason); '\(path)' was left as it was before")
      }
      try Self.moveIntoPlace(temporary, path, replacing: replaces)
    }
  }

  /// Closes the file without keeping a new file's contents: the target
  /// path is left as it was. Files opened in place are just closed.
  public func discard() {
    _ = try? HDF5Library.run {
      guard isOpen else { return }
      isOpen = false
      Self.openFiles[ObjectIdentifier(self)] = nil
      _ = H5Fclose(id)
      if let temporary = temporaryPath { unlink(temporary) }
    }
  }

  /// Closes every file still open, moving new files into place; for a
  /// program's end, when files the program left open must be kept.
  public static func closeAllOpenFiles() {
    HDF5Library.lock.lock()
    let files = openFiles.values.compactMap(\.file)
    HDF5Library.lock.unlock()
    for file in files { try? file.close() }
  }

  /// Runs `body` with the open file's handle, holding the library lock;
  /// raises ValueError after close, naming what was being used.
  func withOpenFile<T>(_ what: String, _ body: (hid_t) throws -> T) throws -> T {
    try HDF5Library.run {
      guard isOpen else {
        throw DataFileError(
          "ValueError", "cannot use \(what): the file '\(path)' is closed")
      }
      return try body(id)
    }
  }

  /// Raises unless the file is open for writing.
  func requireWritable(_ action: String) throws {
    guard isWritable else {
      throw DataFileError(
        "ValueError",
        "cannot \(action): '\(path)' is open read-only (mode 'r');"
          + " open it with mode 'r+' or 'a' to change it")
    }
  }

  // MARK: Opening

  private static func checkReadable(_ path: String, writing: Bool) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DataFileError(
        "FileNotFoundError",
        "[Errno 2] Unable to open file (no such file or directory: name = '\(path)')")
    }
    guard !isDirectory.boolValue else {
      throw DataFileError(
        "IsADirectoryError",
        "[Errno 21] Unable to open file (is a directory: name = '\(path)')")
    }
    let access = writing ? W_OK : R_OK
    guard Glibc.access(path, access) == 0 else {
      let wanted = writing ? "for writing" : "for reading"
      throw DataFileError(
        "PermissionError",
        "[Errno 13] Unable to open file \(wanted) (permission denied: name = '\(path)')")
    }
  }

  private static func openExisting(_ path: String, writable: Bool) throws -> hid_t {
    try HDF5Library.run {
      let signature = H5Fis_hdf5(path)
      if signature == 0 {
        throw DataFileError(
          "OSError",
          "Unable to open file (file signature not found): '\(path)' is not an HDF5 file")
      }
      let flags = writable ? HDF5Library.readWrite : HDF5Library.readOnly
      let opened = H5Fopen(path, flags, HDF5Library.defaultProperties)
      guard opened >= 0 else {
        let reason = HDF5Library.failure("Unable to open file")
        throw DataFileError(
          "OSError", "\(reason): '\(path)' is damaged or cut short")
      }
      return opened
    }
  }

  private static func checkCreatable(_ path: String, exclusive: Bool) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue {
        throw DataFileError(
          "IsADirectoryError",
          "[Errno 21] Unable to create file (is a directory: name = '\(path)')")
      }
      if exclusive {
        throw DataFileError(
          "FileExistsError",
          "[Errno 17] Unable to create file (file exists: name = '\(path)');"
            + " mode 'w-' never replaces a file, 'w' does")
      }
    }
    let directory = directoryOf(path)
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw DataFileError(
        "FileNotFoundError",
        "[Errno 2] Unable to create file (no such directory: name = '\(path)')")
    }
    guard Glibc.access(directory, W_OK) == 0 else {
      throw DataFileError(
        "PermissionError",
        "[Errno 13] Unable to create file (permission denied: name = '\(path)')")
    }
  }

  private static func directoryOf(_ path: String) -> String {
    let directory = (path as NSString).deletingLastPathComponent
    return directory.isEmpty ? "." : directory
  }

  private static func temporaryName(for path: String) -> String {
    HDF5Library.lock.lock()
    temporaryCounter += 1
    let counter = temporaryCounter
    HDF5Library.lock.unlock()
    let name = (path as NSString).lastPathComponent
    let hidden = ".\(name).\(getpid())-\(counter).partial"
    return (directoryOf(path) as NSString).appendingPathComponent(hidden)
  }

  private static func moveIntoPlace(
    _ temporary: String, _ path: String, replacing: Bool
  ) throws {
    if replacing {
      guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw DataFileError("OSError", "Unable to write file '\(path)' (\(reason))")
      }
      return
    }
    // A hard link fails if another file took the name meanwhile, which a
    // rename would silently replace.
    if link(temporary, path) == 0 {
      unlink(temporary)
      return
    }
    let failure = errno
    if failure != EEXIST && !FileManager.default.fileExists(atPath: path)
      && rename(temporary, path) == 0
    {
      return
    }
    unlink(temporary)
    if failure == EEXIST {
      throw DataFileError(
        "FileExistsError", "[Errno 17] Unable to create file (file exists: name = '\(path)')")
    }
    throw DataFileError(
      "OSError", "Unable to write file '\(path)' (\(String(cString: strerror(failure))))")
  }
}
