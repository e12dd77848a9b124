import Support

#if canImport(Glibc)
  import Glibc
#endif

/// Diagnostics: tracebacks, warnings and usage errors go to standard
/// error, results to standard output.
public enum StandardError {
  /// Receives everything written, besides the stream (a transcript).
  nonisolated(unsafe) public static var observer: ((String) -> Void)?

  /// Writes text to standard error as it is.
  public static func write(_ text: String) {
    observer?(text)
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var start = 0
      while start < buffer.count {
        let written = Glibc.write(STDERR_FILENO, base + start, buffer.count - start)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        start += written
      }
    }
  }

  /// Whether standard error is a terminal that may show colour.
  public static var usesColor: Bool {
    Console.shared.usesColor && isatty(STDERR_FILENO) == 1
  }
}

/// Ctrl-C handling for the command: the signal only sets the flag the
/// interpreter polls, and interrupts a blocking read at a prompt.
enum InterruptSignal {
  /// Installs the handler, without restarting interrupted reads.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interruption.request() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Blocks or unblocks SIGINT for the calling thread.
  static func setBlocked(_ blocked: Bool) {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(blocked ? SIG_BLOCK : SIG_UNBLOCK, &set, nil)
  }
}

/// Runs the program on a thread with a large stack, so deep (but
/// limited) recursion in a lesson reaches RecursionError, not a crash.
enum LargeStack {
  /// The stack size of the thread that runs the program.
  static let size = 512 << 20

  private final class Job {
    let body: () -> Int32
    var result: Int32 = 1
    init(_ body: @escaping () -> Int32) { self.body = body }
  }

  /// Runs `body` on the large-stack thread and waits for its result.
  /// Ctrl-C is delivered to that thread, where the prompts wait.
  static func run(_ body: @escaping () -> Int32) -> Int32 {
    let job = Job(body)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, size)
    InterruptSignal.setBlocked(true)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(job).toOpaque()
    let status = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
        InterruptSignal.setBlocked(false)
        job.result = job.body()
        return nil
      }, context)
    guard status == 0 else {
      // No thread: run here, with the default stack.
      Unmanaged<Job>.fromOpaque(context).release()
      InterruptSignal.setBlocked(false)
      return body()
    }
    pthread_join(thread, nil)
    return job.result
  }
}

/// The monotonic clock, in seconds.
func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
