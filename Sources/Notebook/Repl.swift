import Language
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The interactive prompt: `In [n]:` inputs, `Out[n]:` results, blocks,
/// paste, history, completion and `%` magics.
final class Repl {
  let session: Session
  /// Whether lines come from readline (a terminal) or plainly.
  let editing: Bool
  private let history: HistoryFile?
  private var counter = 1
  private var inputs: [String] = []
  private lazy var promptHistory = PromptHistory(interpreter: session.interpreter)
  /// The code `exit` leaves with: 0, or what a `SystemExit` asked for.
  private var exitCode: Int32 = 0

  /// Makes a REPL over a session; history is used only on a terminal.
  init(session: Session, environment: [String: String] = Console.processEnvironment()) {
    self.session = session
    editing = isatty(STDIN_FILENO) == 1
    if editing, let path = HistoryFile.defaultPath(environment: environment) {
      let file = HistoryFile(path: path)
      if let problem = file.problem { StandardError.write("mlscript: \(problem)\n") }
      history = file
    } else {
      history = nil
    }
  }

  /// Reads and runs inputs until Ctrl-D or `exit`; returns the exit code.
  func run() -> Int32 {
    _ = promptHistory
    if editing {
      LineEditor.replaceHistory(history?.entries ?? [])
      let completer = Completer(interpreter: session.interpreter)
      LineEditor.completer = { line, _ in completer.completions(line) }
    }
    while true {
      guard var input = readInput() else { return exitCode }
      while input.last == "\n" { input.removeLast() }
      if input.trimmingSpaces().isEmpty { continue }
      record(input)
      switch handle(input) {
      case .proceed: continue
      case .leave: return exitCode
      }
    }
  }

  enum Control { case proceed, leave }

  private func record(_ input: String) {
    inputs.append(input)
    promptHistory.recordInput(input, number: counter)
    if editing { LineEditor.remember(input) }
    guard let history else { return }
    if history.add(input) {
      let hadProblem = history.problem != nil
      if let problem = history.save(), !hadProblem {
        StandardError.write("mlscript: \(problem)\n")
      }
    }
  }

  // MARK: Reading

  private func promptText(continuation: Bool) -> String {
    let number = String(counter)
    if continuation {
      let width = "In [\(number)]: ".count
      let dots = String(repeating: " ", count: max(0, width - 5)) + "...: "
      return color("\u{1B}[32m", dots)
    }
    return color("\u{1B}[32m", "In [") + color("\u{1B}[1;32m", number) + color("\u{1B}[32m", "]: ")
  }

  /// Colours text in a prompt, marking the escapes as invisible to readline.
  private func color(_ code: String, _ text: String) -> String {
    guard editing && Console.shared.usesColor else { return text }
    return "\u{1}\(code)\u{2}\(text)\u{1}\u{1B}[0m\u{2}"
  }

  private func readLine(continuation: Bool, prefill: String) -> LineInput {
    if editing {
      return LineEditor.read(prompt: promptText(continuation: continuation), prefill: prefill)
    }
    guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line)
  }

  /// One whole input: a line, or a block ended by an empty line, or a
  /// paste. Nil at the end of input; "" after Ctrl-C.
  private func readInput() -> String? {
    let first: String
    switch readLine(continuation: false, prefill: "") {
    case .endOfInput: return nil
    case .interrupted: return ""
    case .line(let line): first = line
    }
    var text = first.contains("\n") ? InputBlock.cleanPaste(first) : first
    if isFinished(text, afterEmptyLine: false) { return text }
    var last = text.split(separator: "\n").last.map(String.init) ?? text
    while true {
      let indent = editing ? InputBlock.nextIndentation(after: last) : ""
      LineEditor.blockSoFar = text
      switch readLine(continuation: true, prefill: indent) {
      case .endOfInput:
        // Ctrl-D inside a block runs what was typed, as an empty line would.
        return text
      case .interrupted:
        return ""
      case .line(let line):
        let added =
          line.contains("\n")
          ? InputBlock.cleanPaste(line) : InputBlock.dedentingContinuation(line, after: text)
        let empty = added.trimmingSpaces().isEmpty
        if !empty {
          text += "\n" + added
          last = added.split(separator: "\n").last.map(String.init) ?? added
        }
        if empty || added.contains("\n") {
          if isFinished(text, afterEmptyLine: empty) { return text }
        } else if !InputBlock.isCompound(text) && session.interpreter.isComplete(text) {
          return text
        }
        if empty && !editing { return text }
      }
    }
  }

  /// Whether the input is ready to run.
  private func isFinished(_ text: String, afterEmptyLine: Bool) -> Bool {
    if isCommandLike(text) { return true }
    // An indented block is complete once an empty line follows it.
    let interpreter = session.interpreter
    if afterEmptyLine { return interpreter.isComplete(text + "\n") }
    if !text.contains("\n") && InputBlock.opensBlock(text) { return false }
    if InputBlock.isCompound(text) {
      // A pasted or recalled block is whole as it stands.
      return text.contains("\n") && !InputBlock.opensBlock(lastLine(text))
        && interpreter.isComplete(text + "\n")
    }
    return interpreter.isComplete(text)
  }

  private func lastLine(_ text: String) -> String {
    text.split(separator: "\n").last.map(String.init) ?? text
  }

  private func isCommandLike(_ text: String) -> Bool {
    let trimmed = text.trimmingSpaces()
    return trimmed.hasPrefix("%") || trimmed.hasPrefix("!") || trimmed.hasPrefix("?")
      || (trimmed.hasSuffix("?") && !trimmed.contains("\n"))
  }

  // MARK: Running

  /// Runs one input: a magic, a help request or code.
  func handle(_ input: String) -> Control {
    let trimmed = input.trimmingSpaces()
    if ["exit", "quit", "exit()", "quit()"].contains(trimmed) { return .leave }
    defer { counter += 1 }
    if trimmed.hasPrefix("!") {
      StandardError.write("mlscript does not run shell commands.\n")
      separate()
      return .proceed
    }
    if trimmed.hasPrefix("%") {
      let name = trimmed.dropFirst().prefix { !$0.isWhitespace }
      if name == "time" || name == "timeit" {
        // The interpreter times code itself, in this session.
        runCode(trimmed, display: .cell)
        return .proceed
      }
      let control = Magics(repl: self).run(String(trimmed.dropFirst()))
      separate()
      return control
    }
    if let subject = helpSubject(trimmed) {
      runCode("help(\(subject))", display: .script)
      return .proceed
    }
    if case .failure(let error) = runCode(input, display: .cell),
      let code = Session.exitCode(of: error)
    {
      exitCode = code
      return .leave
    }
    return .proceed
  }

  /// `x?`, `x??` and `?x` ask for help on `x`.
  private func helpSubject(_ text: String) -> String? {
    guard !text.contains("\n") else { return nil }
    var subject = Substring(text)
    if subject.hasPrefix("?") {
      subject = subject.drop { $0 == "?" }
    } else if subject.hasSuffix("?") {
      while subject.hasSuffix("?") { subject = subject.dropLast() }
    } else {
      return nil
    }
    let name = String(subject).trimmingSpaces()
    let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    return allowed && !name.isEmpty ? name : nil
  }

  /// Runs code as input number `counter`, showing its value as `Out[n]`.
  /// Returns the outcome.
  @discardableResult
  func runCode(_ source: String, display: DisplayMode) -> Session.Outcome {
    let origin = SourceOrigin(file: "<repl>", cell: counter, cellTitle: nil, lineOffset: 0)
    let outcome = session.execute(source, origin: origin, display: display) { values in
      if let value = values.last(where: { !$0.isNone }) {
        promptHistory.recordOutput(value, number: counter)
        showResult(session.display(value))
      }
    }
    switch outcome {
    case .success:
      break
    case .failure(let error):
      if Session.exitCode(of: error) != nil { break }
      session.report(error)
    }
    separate()
    return outcome
  }

  /// A blank line between one input's output and the next prompt.
  private func separate() {
    if editing { Console.shared.write("\n") }
  }

  private func showResult(_ text: String) {
    let label = "Out[\(counter)]: "
    let shown =
      editing && Console.shared.usesColor ? "\u{1B}[31m\(label)\u{1B}[0m" : label
    Console.shared.write(shown + (text.contains("\n") ? "\n" : "") + text + "\n")
  }

  /// This session's inputs, oldest first.
  var sessionInputs: [String] { inputs }
}
