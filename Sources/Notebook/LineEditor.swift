import CReadline
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// What reading one line of input gave.
public enum LineInput: Equatable {
  /// The text typed (or pasted; a paste may hold several lines).
  case line(String)
  /// Ctrl-D on an empty line, or the input ended.
  case endOfInput
  /// Ctrl-C at the prompt: the line was cleared.
  case interrupted
}

/// Line editing with GNU readline, driven through its callback interface
/// so that Ctrl-C at the prompt clears the line instead of ending the
/// program. Readline is one per process, so this is too.
enum LineEditor {
  /// Produces completions: given the line and the cursor's offset in
  /// characters, the whole words that may replace the word at the cursor.
  nonisolated(unsafe) static var completer: ((String, Int) -> [String])?

  /// The lines of the block typed so far, which a `:` ending `else:` and
  /// its kin is dedented against.
  nonisolated(unsafe) static var blockSoFar = ""

  nonisolated(unsafe) private static var finished = false
  nonisolated(unsafe) private static var result = LineInput.endOfInput
  nonisolated(unsafe) private static var matches: [String] = []
  nonisolated(unsafe) private static var matchIndex = 0
  nonisolated(unsafe) private static var configured = false

  /// Readline's count of keys it read ahead and has not handled yet; not
  /// in its public header, so looked up at run time.
  nonisolated(unsafe) private static var bufferedInput: (@convention(c) () -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "_rl_pushed_input_available")
    else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> Int32).self)
  }()

  /// Sets readline up once: our name for `~/.inputrc`, bracketed paste,
  /// Tab, and no signal handlers of its own.
  static func configure() {
    if configured { return }
    configured = true
    rl_readline_name = UnsafePointer(strdup("mlscript"))
    rl_catch_signals = 0
    rl_variable_bind("enable-bracketed-paste", "on")
    // Like IPython, one Tab lists the candidates when they share nothing
    // more to insert (`np.<Tab>`); readline would otherwise wait for a
    // second Tab, which the Tab binding below hides from it.
    rl_variable_bind("show-all-if-ambiguous", "on")
    // A module's names (`np.` offers about 125) are listed without first
    // asking whether to.
    rl_completion_query_items = 400
    rl_completer_word_break_characters = UnsafePointer(
      strdup(" \t\n\"\\'`@$><=;|&{(,[)]}+-*/%~^!:."))
    rl_attempted_completion_function = { text, _, _ in
      rl_attempted_completion_over = 1
      rl_completion_append_character = 0
      let line = LineEditor.lineBeforeCursor()
      // The completer replaces the whole dotted word (`np.ze`); readline
      // replaces only the part after the last dot, so the listing shows
      // bare names, as IPython's does.
      let word = line.reversed().prefix {
        $0.isLetter || $0.isNumber || $0 == "_" || $0 == "."
      }.count
      let typed = text.map { String(cString: $0).count } ?? 0
      let head = max(0, word - typed)
      LineEditor.matches = (LineEditor.completer?(line, line.count) ?? []).map {
        String($0.dropFirst(head))
      }
      LineEditor.matchIndex = 0
      guard !LineEditor.matches.isEmpty else { return nil }
      return rl_completion_matches(text) { _, state in
        if state == 0 { LineEditor.matchIndex = 0 }
        guard LineEditor.matchIndex < LineEditor.matches.count else { return nil }
        defer { LineEditor.matchIndex += 1 }
        return strdup(LineEditor.matches[LineEditor.matchIndex])
      }
    }
    rl_bind_key(9) { count, key in
      // At the start of a line (only spaces before the cursor) Tab indents.
      let line = LineEditor.lineBeforeCursor()
      let current = line.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
      if current.allSatisfy({ $0 == " " || $0 == "\t" }) {
        rl_insert_text("    ")
        return 0
      }
      return rl_complete(count, key)
    }
    rl_bind_key(58) { count, key in
      // Typing the colon of `else:` and its kin moves the line out to the
      // header it continues, as IPython does.
      rl_insert(count, key)
      guard rl_point == rl_end else { return 0 }
      let line = LineEditor.lineBeforeCursor()
      let moved = InputBlock.dedentingContinuation(line, after: LineEditor.blockSoFar)
      if moved != line {
        rl_replace_line(moved, 0)
        rl_point = rl_end
        rl_redisplay()
      }
      return 0
    }
    using_history()
  }

  /// The text of the line being edited, up to the cursor.
  static func lineBeforeCursor() -> String {
    guard let buffer = rl_line_buffer else { return "" }
    let length = max(0, Int(rl_point))
    let bytes = UnsafeBufferPointer(
      start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: length)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Makes `entries` the ones offered for recall, oldest first.
  static func replaceHistory(_ entries: [String]) {
    configure()
    clear_history()
    for entry in entries { add_history(entry) }
  }

  /// Offers an entry for recall with Up and Ctrl-R.
  static func remember(_ entry: String) {
    configure()
    add_history(entry)
  }

  /// Reads one line with editing; `prefill` is put in the buffer first
  /// (the indentation of a block).
  static func read(prompt: String, prefill: String = "") -> LineInput {
    configure()
    finished = false
    result = .endOfInput
    Interruption.clear()
    InterruptSignal.drain()
    rl_callback_handler_install(prompt) { line in
      if let line {
        LineEditor.result = .line(String(cString: line))
        free(line)
      } else {
        LineEditor.result = .endOfInput
      }
      LineEditor.finished = true
      rl_callback_handler_remove()
    }
    if !prefill.isEmpty {
      rl_insert_text(prefill)
      rl_redisplay()
    }
    while !finished {
      guard let ready = InterruptSignal.waitForInput() else { continue }
      if !ready {
        Interruption.clear()
        InterruptSignal.drain()
        cancelLine()
        return .interrupted
      }
      rl_callback_read_char()
      // Readline may have read ahead into its own buffer (typed-ahead
      // keys, the Enter after a paste): handle those before polling again.
      while !finished && bufferedInput?() ?? 0 != 0 { rl_callback_read_char() }
    }
    if !finished {
      rl_callback_handler_remove()
      return .endOfInput
    }
    if result == .endOfInput { Console.shared.write("\n") }
    blockSoFar = ""
    return result
  }

  /// Abandons the line being typed after Ctrl-C, leaving it visible
  /// with `^C` after it, and readline ready for a new prompt.
  private static func cancelLine() {
    rl_callback_sigcleanup()
    rl_point = rl_end
    rl_redisplay()
    Console.shared.write("^C\n")
    rl_replace_line("", 0)
    rl_callback_handler_remove()
  }
}
