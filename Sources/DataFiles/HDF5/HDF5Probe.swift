import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a file's structure in a child process before libhdf5 reads it in
/// this one.
///
/// libhdf5 trusts the addresses and sizes a file declares, so a damaged or
/// deliberately crafted file can make it crash or loop forever, which would
/// end the user's session. The first time a file (path, size and change
/// time) is opened, a child copy of the executable opens it and walks every
/// group, dataset, datatype, dataspace and attribute, under a time limit.
/// A child that dies or runs out of time turns into an OSError naming the
/// file; a file that passed is not probed again.
///
/// Probing is off until `enable` names the executable: in tests, fuzzers
/// and any process that cannot run its own executable, files are opened
/// directly. When spawning fails (no process slots, a sandbox that forbids
/// it), probing switches itself off for the rest of the process.
public enum HDF5Probe {
  /// The hidden command-line flag that runs the executable as a probe.
  public static let flag = "--probe-hdf5"

  /// What the probe's exit status says about a file.
  enum Verdict: Equatable {
    /// libhdf5 read everything it could without crashing.
    case survived
    /// The child died by a signal, or by a runtime trap.
    case crashed(signal: Int32)
    /// The child ran past the time limit and was killed.
    case hung
    /// The user interrupted the probe with Ctrl-C.
    case interrupted
    /// No child could be started; the file is opened directly.
    case unavailable
  }

  /// Identifies one version of one file.
  private struct Key: Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int64
  }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var executable: String?
  nonisolated(unsafe) private static var timeLimit = 10.0
  nonisolated(unsafe) private static var verdicts: [Key: Verdict] = [:]

  /// Probes files from now on by running `executable` with `flag`, giving
  /// each probe `seconds` to finish.
  public static func enable(executable path: String, seconds: Double = 10) {
    lock.lock()
    defer { lock.unlock() }
    executable = path
    timeLimit = seconds
    verdicts = [:]
  }

  /// Opens files directly again, without probing them.
  public static func disable() {
    lock.lock()
    defer { lock.unlock() }
    executable = nil
  }

  /// Whether files are probed before they are opened.
  public static var isEnabled: Bool {
    lock.lock()
    defer { lock.unlock() }
    return executable != nil
  }

  /// Raises OSError if libhdf5 crashes or hangs reading `path`, probing
  /// it in a child process the first time this version of it is opened.
  public static func check(_ path: String) throws {
    lock.lock()
    let program = executable
    let seconds = timeLimit
    lock.unlock()
    guard let program, let key = key(path) else { return }

    lock.lock()
    let known = verdicts[key]
    lock.unlock()
    let verdict = known ?? run(program, path, seconds: seconds)
    switch verdict {
    case .survived:
      remember(key, verdict)
    case .crashed(let signal):
      remember(key, verdict)
      throw DataFileError(
        "OSError",
        "Unable to open file (the HDF5 library crashed reading its structure, "
          + "signal \(signal)): '\(path)' is damaged or malformed")
    case .hung:
      remember(key, verdict)
      throw DataFileError(
        "OSError",
        "Unable to open file (the HDF5 library was still reading its structure after "
          + "\(formatSeconds(seconds)) seconds): '\(path)' is damaged or malformed")
    case .interrupted:
      throw DataFileError("KeyboardInterrupt", "")
    case .unavailable:
      disable()
    }
  }

  private static func remember(_ key: Key, _ verdict: Verdict) {
    lock.lock()
    verdicts[key] = verdict
    lock.unlock()
  }

  private static func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }

  /// The file's identity now; nil when it cannot be read (opening it
  /// then fails with the usual error).
  private static func key(_ path: String) -> Key? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Key(
      device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
      modified: Int64(status.st_mtim.tv_sec), modifiedNanoseconds: Int64(status.st_mtim.tv_nsec))
  }

  // MARK: The parent's side

  /// Runs one probe of `path` and waits for it, at most `seconds`.
  static func run(_ program: String, _ path: String, seconds: Double) -> Verdict {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // The child's crash report, if any, is not the user's business: the
    // error raised here says what happened.
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
      let flags = descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", flags, 0)
    }

    let arguments = [program, flag, path]
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    argv.append(nil)
    defer { for argument in argv { free(argument) } }
    // A crashing probe need not spend time printing a backtrace.
    var environment: [UnsafeMutablePointer<CChar>?] = [strdup("SWIFT_BACKTRACE=enable=no")]
    var entry = environ
    while let variable = entry.pointee {
      if strncmp(variable, "SWIFT_BACKTRACE=", 16) != 0 { environment.append(strdup(variable)) }
      entry += 1
    }
    environment.append(nil)
    defer { for variable in environment { free(variable) } }

    var child: pid_t = 0
    let spawned = posix_spawn(&child, program, &actions, nil, argv, environment)
    guard spawned == 0 else { return .unavailable }
    return wait(for: child, seconds: seconds)
  }

  /// Polls the child until it exits or the time is up, then kills it.
  private static func wait(for child: pid_t, seconds: Double) -> Verdict {
    let deadline = Date().addingTimeInterval(seconds)
    var pause: useconds_t = 500
    while true {
      var status: Int32 = 0
      let result = waitpid(child, &status, WNOHANG)
      if result == child { return verdict(status) }
      if result < 0 && errno != EINTR { return .unavailable }
      if Date() >= deadline {
        kill(child, SIGKILL)
        _ = waitpid(child, &status, 0)
        return .hung
      }
      usleep(pause)
      pause = min(pause * 2, 20_000)
    }
  }

  /// The probe's exit status when it walked the file.
  static let walkedStatus: Int32 = 0
  /// The probe's exit status when libhdf5 refused the file with an error.
  static let refusedStatus: Int32 = 3

  /// Reads a wait status. Death by a signal is a crash; the probe's own
  /// statuses are a clean end; any other status means the executable did
  /// not run as a probe, so probing cannot be trusted and is turned off.
  private static func verdict(_ status: Int32) -> Verdict {
    let signal = status & 0x7F
    guard signal == 0 else {
      return signal == SIGINT ? .interrupted : .crashed(signal: signal)
    }
    let code = (status >> 8) & 0xFF
    return code == walkedStatus || code == refusedStatus ? .survived : .unavailable
  }

  // MARK: The child's side

  /// The most objects a probe visits, so that a file whose links form a
  /// cycle still ends.
  static let objectLimit = 20_000

  /// The probe itself: opens `path`, walks its structure, and returns the
  /// exit status (`walkedStatus`, or `refusedStatus` when libhdf5 refused
  /// the file with an error). A crash or hang here is what the parent
  /// watches for.
  /// `limitingResources` caps the process's memory and core files, which
  /// only a probe process should do.
  public static func runChild(_ path: String, limitingResources: Bool = true) -> Int32 {
    if limitingResources {
      // A crafted file must not make the probe swallow the machine's
      // memory or leave a core file behind.
      var limit = rlimit(rlim_cur: 0, rlim_max: 0)
      setrlimit(Int32(RLIMIT_CORE.rawValue), &limit)
      limit = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
      setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }

    guard let file = try? HDF5File(path, mode: .read, probed: false) else {
      return refusedStatus
    }
    var budget = objectLimit
    walk(file.root, depth: 0, budget: &budget)
    file.discard()
    return walkedStatus
  }

  /// Visits every member of `group`, its attributes, and each dataset's
  /// datatype, dataspace, layout and first element.
  private static func walk(_ group: HDF5Group, depth: Int, budget: inout Int) {
    readAttributes(group.attributes)
    guard depth < 64, let names = try? group.keys() else { return }
    for name in names {
      budget -= 1
      guard budget > 0 else { return }
      switch try? group.node(name) {
      case .group(let member)?:
        walk(member, depth: depth + 1, budget: &budget)
      case .dataset(let dataset)?:
        readAttributes(dataset.attributes)
        // The first element makes the library read the chunk index and
        // the filter pipeline, which the header only describes.
        // TODO: later chunks are not read here, so a file damaged only
        // there can still crash libhdf5 when the program reads them.
        if dataset.count > 0 {
          _ = try? dataset.read(dataset.shape.map { _ in HDF5Index.index(0) })
        }
      case nil:
        continue
      }
    }
  }

  private static func readAttributes(_ attributes: HDF5Attributes) {
    guard let names = try? attributes.keys() else { return }
    for name in names.prefix(1_000) { _ = try? attributes.get(name) }
  }
}
