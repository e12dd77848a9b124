import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `mlscript` on a pseudo-terminal, as a user's terminal
/// would, and collects what the screen shows.
final class PseudoTerminal {
  /// The built command the tests drive.
  static let binary = URLPath.repositoryRoot() + "/.build/release/mlscript"

  private var master: Int32 = -1
  private(set) var process: pid_t = 0
  private var bytes: [UInt8] = []
  private var mark = 0
  private(set) var exitStatus: Int32?

  enum Failure: Error { case spawn(String) }

  /// Starts `mlscript arguments` with exactly `environment`.
  init(arguments: [String], environment: [String: String]) throws {
    guard access(PseudoTerminal.binary, X_OK) == 0 else {
      throw Failure.spawn("\(PseudoTerminal.binary) is not built (swift build -c release)")
    }
    var slave: Int32 = -1
    var size = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw Failure.spawn("openpty failed")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    guard let name = ttyname(slave) else { throw Failure.spawn("no pty name") }
    let slavePath = String(cString: name)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, the terminal becomes the controlling one, so
    // Ctrl-C typed on it sends SIGINT.
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    // glibc's POSIX_SPAWN_SETSID, which its headers show only to GNU code.
    let setSessionID: Int32 = 0x80
    posix_spawnattr_setflags(
      &attributes, Int16(setSessionID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([PseudoTerminal.binary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    let status = posix_spawn(&process, PseudoTerminal.binary, &actions, &attributes, argv, envp)
    close(slave)
    guard status == 0 else { throw Failure.spawn("posix_spawn: \(status)") }
  }

  deinit {
    if exitStatus == nil && process > 0 {
      kill(process, SIGKILL)
      var status: Int32 = 0
      waitpid(process, &status, 0)
    }
    if master >= 0 { close(master) }
  }

  /// Types text, as keys.
  func send(_ text: String) {
    var data = Array(text.utf8)
    _ = data.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Everything shown so far, escape sequences and carriage returns removed.
  var screen: String { PseudoTerminal.plain(bytes[...]) }

  /// What was shown since the last `wait(for:)` that succeeded.
  var recent: String { PseudoTerminal.plain(bytes[mark...]) }

  /// Waits until `text` appears in what is shown after the last match;
  /// returns whether it did within `timeout` seconds.
  @discardableResult
  func wait(for text: String, timeout: Double = 20) -> Bool {
    let deadline = now() + timeout
    while true {
      let shown = PseudoTerminal.plain(bytes[mark...])
      if let range = shown.firstRange(of: text) {
        // Move the mark past the match, counting in bytes of plain text.
        let consumed = shown[..<range.upperBound]
        mark = advance(from: mark, plainCount: consumed.utf8.count)
        return true
      }
      if now() > deadline || !pump(timeout: 0.1) && exitStatus != nil { return false }
    }
  }

  /// Waits for the process to end; its exit status, or nil on timeout.
  func waitForExit(timeout: Double = 20) -> Int32? {
    let deadline = now() + timeout
    while exitStatus == nil && now() < deadline { _ = pump(timeout: 0.1) }
    return exitStatus
  }

  /// Reads what is available; false when the terminal closed.
  private func pump(timeout: Double) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    if poll(&descriptor, 1, Int32(timeout * 1000)) > 0 {
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes += chunk[0..<count]
        return true
      }
    }
    var status: Int32 = 0
    if exitStatus == nil && waitpid(process, &status, WNOHANG) == process {
      exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
    return false
  }

  private func advance(from start: Int, plainCount: Int) -> Int {
    var index = start
    while index < bytes.count
      && PseudoTerminal.plain(bytes[start..<index]).utf8.count < plainCount
    {
      index += 1
    }
    return index
  }

  private func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Terminal bytes as text: CSI and OSC sequences, bells and `\r`
  /// dropped, backspaces applied.
  static func plain(_ bytes: ArraySlice<UInt8>) -> String {
    var out: [UInt8] = []
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == 0x1B {
        index += 1
        guard index < bytes.endIndex else { break }
        if bytes[index] == UInt8(ascii: "[") {
          index += 1
          while index < bytes.endIndex && !(0x40...0x7E).contains(bytes[index]) { index += 1 }
        } else if bytes[index] == UInt8(ascii: "]") {
          while index < bytes.endIndex && bytes[index] != 0x07 { index += 1 }
        }
        index += 1
        continue
      }
      if byte == 8 {
        // Backspace moves over the last character, as readline redraws.
        while let last = out.last, last & 0xC0 == 0x80 { out.removeLast() }
        if let last = out.last, last != 10 { out.removeLast() }
      } else if byte != 13 && byte != 7 {
        out.append(byte)
      }
      index += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
