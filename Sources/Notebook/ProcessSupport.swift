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

  /// Set by `--color=always`: colour even when standard error is no terminal.
  nonisolated(unsafe) public static var forcesColor = false

  /// Whether tracebacks may carry colour.
  public static var usesColor: Bool {
    Console.shared.usesColor && (forcesColor || isatty(STDERR_FILENO) == 1)
  }
}

/// Ctrl-C handling for the command: the signal only sets the flag the
/// interpreter polls, and interrupts a blocking read at a prompt.
enum InterruptSignal {
  /// The read end of a pipe the handler writes a byte to, so a prompt
  /// waiting in `poll` wakes up whichever thread took the signal.
  nonisolated(unsafe) static var wakeDescriptor: Int32 = -1
  nonisolated(unsafe) private static var wakeWriter: Int32 = -1
  nonisolated(unsafe) private static var unanswered: sig_atomic_t = 0

  /// Installs the handler, without restarting interrupted reads.
  static func install() {
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
      }
      wakeDescriptor = ends[0]
      wakeWriter = ends[1]
    }
    // The flag's one-time initialisation must not happen in the handler.
    Interruption.clear()
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      // Code stuck where it never checks the flag: the third Ctrl-C ends
      // the program rather than leave the user without a way out.
      InterruptSignal.unanswered = Interruption.isRequested ? InterruptSignal.unanswered + 1 : 0
      if InterruptSignal.unanswered >= 2 {
        let message = Array("\nmlscript: interrupted three times; quitting\n".utf8)
        _ = message.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
        _exit(130)
      }
      Interruption.request()
      if InterruptSignal.wakeWriter >= 0 {
        var byte: UInt8 = 1
        _ = Glibc.write(InterruptSignal.wakeWriter, &byte, 1)
      }
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }

  /// Empties the wake-up pipe of Ctrl-Cs already handled.
  static func drain() {
    guard wakeDescriptor >= 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 64)
    while buffer.withUnsafeMutableBytes({ Glibc.read(wakeDescriptor, $0.baseAddress, 64) }) > 0 {}
  }

  /// Waits until standard input has something to read (true) or Ctrl-C
  /// was pressed (false); `timeout` in milliseconds, -1 for none.
  static func waitForInput(timeout: Int32 = -1) -> Bool? {
    var descriptors = [
      pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
    ]
    while true {
      if Interruption.isRequested { return false }
      let count = poll(&descriptors, wakeDescriptor >= 0 ? 2 : 1, timeout)
      if count < 0 && errno == EINTR { continue }
      if count < 0 { return true }
      if count == 0 { return nil }
      if Interruption.isRequested { return false }
      if descriptors[0].revents != 0 { return true }
      drain()
    }
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
