import CHDF5
import Foundation

/// The process-wide gate to libhdf5, which is not thread-safe: every call
/// into the library goes through `HDF5Library.run`.
enum HDF5Library {
  static let lock = NSRecursiveLock()

  /// Whether `H5open` ran and the library's own error printing is off.
  nonisolated(unsafe) private static var ready = false

  /// Runs `body` holding the library lock, with the library initialised.
  static func run<T>(_ body: () throws -> T) throws -> T {
    lock.lock()
    defer { lock.unlock() }
    if !ready {
      // After a damaged file, the library's own shutdown at exit can find
      // IDs it cannot free and print screens of diagnostics; the session
      // closes its files itself before it ends.
      _ = H5dont_atexit()
      guard H5open() >= 0 else {
        throw DataFileError("OSError", "the HDF5 library could not be initialised")
      }
      ready = true
    }
    // One clear message per failure is ours to print, so the library's
    // automatic stack dump to stderr is switched off; a thread-safe build
    // keeps that setting per thread, and programs run on several threads.
    _ = H5Eset_auto2(defaultList, nil, nil)
    _ = H5Eclear2(defaultList)
    return try body()
  }

  /// The innermost message of the library's current error stack, such as
  /// `file signature not found`, or nil when the stack is empty.
  static func innermostMessage() -> String? {
    final class Collected { var messages: [(Int, String)] = [] }
    let collected = Collected()
    let walker: H5E_walk2_t = { index, error, data in
      guard let error, let data else { return 0 }
      let box = Unmanaged<Collected>.fromOpaque(data).takeUnretainedValue()
      if let text = error.pointee.desc {
        box.messages.append((Int(index), String(cString: text)))
      }
      return 0
    }
    withExtendedLifetime(collected) {
      let context = Unmanaged.passUnretained(collected).toOpaque()
      _ = H5Ewalk2(defaultList, H5E_WALK_UPWARD, walker, context)
    }
    _ = H5Eclear2(defaultList)
    guard let innermost = collected.messages.min(by: { $0.0 < $1.0 })?.1,
      !innermost.isEmpty
    else { return nil }
    return innermost
  }

  /// `summary` followed by the library's reason in parentheses, as h5py
  /// words it: `Unable to open file (truncated file: eof = ...)`.
  static func failure(_ summary: String) -> String {
    guard let detail = innermostMessage() else { return summary }
    return "\(summary) (\(detail))"
  }

  // The C header spells these as macros Swift cannot import.
  static let defaultList: hid_t = 0
  static let defaultProperties: hid_t = 0
  static let allSelection: hid_t = 0
  static let readOnly: UInt32 = 0x0000
  static let readWrite: UInt32 = 0x0001
  static let truncate: UInt32 = 0x0002
  static let exclusive: UInt32 = 0x0004
  static let variableSize: Int = -1
}

/// The last path component, as messages name a file: `mini_cifar.h5`.
func displayName(_ path: String) -> String {
  let name = (path as NSString).lastPathComponent
  return name.isEmpty ? path : name
}
