import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Splits large element-wise work across the machine's cores.
public enum Parallel {
  /// Work below this many elements runs on the calling thread.
  nonisolated(unsafe) public static var threshold = 1 << 20

  /// How many cores the machine offers.
  public static let coreCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

  /// Calls `body` with consecutive sub-ranges covering `0..<count`, in
  /// parallel when `count` is at least `threshold`; ranges start at
  /// multiples of `alignment` so that vector loops stay aligned.
  @inline(__always)
  public static func forRanges(
    _ count: Int, alignment: Int = 16, work: Int? = nil, _ body: (Range<Int>) -> Void
  ) {
    let total = work ?? count
    var workers = min(coreCount, total / max(threshold / 2, 1), count)
    if workers > 1 && isBusy() { workers = 1 }
    guard workers > 1 else {
      body(0..<count)
      return
    }
    let chunk = ((count + workers - 1) / workers + alignment - 1) / alignment * alignment
    withoutActuallyEscaping(body) { body in
      let box = UnsafeSendableBox(body)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let start = min(worker * chunk, count)
        let end = min(start + chunk, count)
        if start < end { box.value(start..<end) }
      }
    }
  }
}

extension Parallel {
  /// Whether the other cores are already taken: splitting memory-bound
  /// loops then only waits for a second thread to be scheduled.
  static func isBusy() -> Bool {
    var load = [Double](repeating: 0, count: 1)
    guard getloadavg(&load, 1) == 1 else { return false }
    return load[0] >= Double(coreCount)
  }
}

/// Carries a value into concurrent work whose safety the caller ensures
/// (disjoint output ranges).
struct UnsafeSendableBox<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
