import Dispatch

/// How the kernels split work across the machine's cores.
public enum KernelThreads {
  /// The number of workers the kernels use for work split by hand.
  nonisolated(unsafe) public static var workerCount: Int = defaultWorkers()

  /// Runs `body` on disjoint chunks of `0..<count`, in parallel when the
  /// work (`count * costPerItem` flops or bytes) is worth a thread; a cost
  /// of 0 keeps it on the calling thread.
  public static func forEachChunk(
    _ count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void
  ) {
    guard count > 0 else { return }
    let workers = min(workerCount, count)
    // Below a few hundred thousand operations a thread costs more than it saves.
    if workers <= 1 || costPerItem <= 0 || count * costPerItem < 200_000 {
      body(0..<count)
      return
    }
    let chunk = (count + workers - 1) / workers
    withoutActuallyEscaping(body) { work in
      DispatchQueue.concurrentPerform(iterations: workers) { index in
        let start = index * chunk
        let end = min(count, start + chunk)
        if start < end { work(start..<end) }
      }
    }
  }

  private static func defaultWorkers() -> Int {
    let cores = sysconfCores()
    return max(1, min(cores, 8))
  }
}

#if canImport(Glibc)
  import Glibc
  private func sysconfCores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
#else
  private func sysconfCores() -> Int { 1 }
#endif
