import Foundation

/// Bounds that keep user programs from exhausting memory or the stack.
public enum Limits {
  /// The most bytes one list or tuple may take: 80% of physical memory,
  /// so a huge result raises MemoryError before it is allocated.
  public static let maxBytes: Int = {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let pageSize = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, pageSize > 0 else { return 1 << 32 }
    let (total, overflow) = pages.multipliedReportingOverflow(by: pageSize)
    return overflow ? Int.max / 2 : total / 5 * 4
  }()

  /// The most bytes one string may take.
  public static let maxStringBytes = min(maxBytes, 1 << 32)

  /// The most elements one list or tuple may hold.
  public static let maxItems = 1 << 31

  /// How deep repr, equality and hashing may recurse through containers.
  public static let maxNesting = 1000

  /// Throws MemoryError unless `count` items of `itemBytes` bytes each fit
  /// in a list (or, with `string`, in a string).
  public static func checkAllocation(count: Int, itemBytes: Int, string: Bool = false) throws {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: max(itemBytes, 1))
    let fits =
      string
      ? bytes <= maxStringBytes
      : bytes <= maxBytes && count <= maxItems
    guard overflow || !fits else { return }
    let size = overflow ? "more than \(Int.max) bytes" : "\(bytes) bytes"
    throw PyError(.memoryError, "cannot allocate \(size)")
  }

  /// Throws MemoryError unless a string of `count` characters fits.
  public static func checkString(length count: Int) throws {
    try checkAllocation(count: count, itemBytes: 1, string: true)
  }

  /// Throws MemoryError unless a list of `count` values fits.
  public static func checkItems(_ count: Int) throws {
    try checkAllocation(count: count, itemBytes: MemoryLayout<Value>.stride)
  }
}

/// Per-thread bookkeeping for walks through containers that may contain
/// themselves: the objects being printed and the current nesting depth.
final class ContainerWalk {
  private static let key = "mlscript.ContainerWalk"

  var printing = Set<ObjectIdentifier>()
  var depth = 0

  /// This thread's state.
  static var current: ContainerWalk {
    let dictionary = Thread.current.threadDictionary
    if let state = dictionary[key] as? ContainerWalk { return state }
    let state = ContainerWalk()
    dictionary[key] = state
    return state
  }

  /// Runs `body` one level deeper, raising RecursionError past the limit.
  static func nested<T>(_ what: String, _ body: () throws -> T) throws -> T {
    let state = current
    guard state.depth < Limits.maxNesting else {
      throw PyError(.recursionError, "maximum recursion depth exceeded \(what)")
    }
    state.depth += 1
    defer { state.depth -= 1 }
    return try body()
  }

  /// The repr of `object` from `body`, or `placeholder` when `object` is
  /// already being printed further up (a container inside itself).
  static func repr(
    of object: AnyObject, placeholder: String, _ body: () throws -> String
  ) throws -> String {
    let state = current
    let id = ObjectIdentifier(object)
    if state.printing.contains(id) { return placeholder }
    guard state.depth < Limits.maxNesting else {
      throw PyError(
        .recursionError, "maximum recursion depth exceeded while getting the repr of an object")
    }
    state.printing.insert(id)
    state.depth += 1
    defer {
      state.printing.remove(id)
      state.depth -= 1
    }
    return try body()
  }
}
