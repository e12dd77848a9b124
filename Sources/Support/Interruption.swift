import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The pending Ctrl-C: set by the signal handler, polled by the
/// interpreter between statements and by training between batches.
public enum Interruption {
  // Atomic because the flag is set on one thread (the signal handler, or
  // a timer) and polled and cleared on another; a lock-free atomic is also
  // safe to touch from a signal handler.
  private static let flag = Atomic<Int32>(0)

  /// Whether Ctrl-C was pressed since the last `clear()`.
  public static var isRequested: Bool { flag.load(ordering: .relaxed) != 0 }

  /// Records a Ctrl-C; safe to call from a signal handler.
  public static func request() { flag.store(1, ordering: .relaxed) }

  /// Forgets a pending Ctrl-C.
  public static func clear() { flag.store(0, ordering: .relaxed) }

  /// Installs a SIGINT handler that records Ctrl-C instead of ending the
  /// process.
  public static func installHandler() {
    // The flag's one-time initialisation takes a lock, which a signal
    // handler must not; it happens here, before the handler exists.
    clear()
    signal(SIGINT) { _ in Interruption.request() }
  }
}
