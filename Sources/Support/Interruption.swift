#if canImport(Glibc)
  import Glibc
#endif

/// The pending Ctrl-C: set by the signal handler, polled by the
/// interpreter between statements and by training between batches.
public enum Interruption {
  nonisolated(unsafe) private static var flag: sig_atomic_t = 0

  /// Whether Ctrl-C was pressed since the last `clear()`.
  public static var isRequested: Bool { flag != 0 }

  /// Records a Ctrl-C; safe to call from a signal handler.
  public static func request() { flag = 1 }

  /// Forgets a pending Ctrl-C.
  public static func clear() { flag = 0 }

  /// Installs a SIGINT handler that records Ctrl-C instead of ending the
  /// process.
  public static func installHandler() {
    signal(SIGINT) { _ in Interruption.request() }
  }
}
