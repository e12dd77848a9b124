import Support

#if canImport(Glibc)
  import Glibc
#endif

/// A key pressed at the step prompt.
enum KeyPress: Equatable {
  /// A printable character.
  case character(Character)
  /// Enter.
  case enter
  /// Ctrl-C.
  case interrupted
  /// Ctrl-D or the end of input.
  case endOfInput
  /// An arrow key: true for right or down, false for left or up.
  case arrow(forward: Bool)
}

/// Reads single keys from the terminal, without waiting for Enter.
enum KeyReader {
  /// Waits for one key.
  static func read() -> KeyPress {
    var saved = termios()
    let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
    if isTerminal {
      var raw = saved
      raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
      withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
        bytes[Int(VMIN)] = 1
        bytes[Int(VTIME)] = 0
      }
      tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }
    defer { if isTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) } }
    Interruption.clear()
    InterruptSignal.drain()
    guard let byte = readByte(timeout: -1) else {
      if Interruption.isRequested {
        Interruption.clear()
        return .interrupted
      }
      return .endOfInput
    }
    switch byte {
    case 10, 13: return .enter
    case 3: return .interrupted
    case 4: return .endOfInput
    case 27:
      var sequence: [UInt8] = []
      while let next = readByte(timeout: 30) { sequence.append(next) }
      if sequence == [91, 67] || sequence == [91, 66] { return .arrow(forward: true) }
      if sequence == [91, 68] || sequence == [91, 65] { return .arrow(forward: false) }
      return .character("\u{1B}")
    default:
      return .character(Character(Unicode.Scalar(byte)))
    }
  }

  /// One byte from standard input, or nil on Ctrl-C, timeout or end.
  private static func readByte(timeout: Int32) -> UInt8? {
    guard InterruptSignal.waitForInput(timeout: timeout) == true else { return nil }
    var byte: UInt8 = 0
    let count = Glibc.read(STDIN_FILENO, &byte, 1)
    return count == 1 ? byte : nil
  }
}
