import Language
import Support

#if canImport(Glibc)
  import Glibc
#endif

/// The `%` commands of the REPL, as IPython users know them.
struct Magics {
  let repl: Repl

  /// Runs `name arguments` (the text after `%`).
  func run(_ line: String) -> Repl.Control {
    let name = String(line.prefix { !$0.isWhitespace })
    let argument = String(line.dropFirst(name.count)).trimmingSpaces()
    switch name {
    case "who": who()
    case "reset": reset(argument)
    case "run": runFile(argument)
    case "history": history(argument)
    case "matplotlib", "load_ext", "config":
      // Notebook set-up lines: figures always show inline here.
      break
    default:
      StandardError.write("UsageError: Line magic function `%\(name)` not found.\n")
    }
    return .proceed
  }

  private var session: Session { repl.session }

  /// `%who`: the names the program bound.
  private func who() {
    // The prompt's own history names are not the program's, as in IPython.
    let names = session.interpreter.globalNames.filter {
      !$0.hasPrefix("_") && $0 != "In" && $0 != "Out"
    }
    if names.isEmpty {
      Console.shared.write("Interactive namespace is empty.\n")
    } else {
      Console.shared.write(names.joined(separator: "\t") + "\n")
    }
  }

  /// `%reset`: forgets every variable (asks first unless `-f`).
  private func reset(_ argument: String) {
    if !argument.split(separator: " ").contains("-f") && repl.editing {
      let answer = LineEditor.read(
        prompt: "Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
      guard case .line(let text) = answer, text.trimmingSpaces().lowercased() == "y" else {
        Console.shared.write("Nothing done.\n")
        return
      }
    }
    session.interpreter.resetGlobals()
  }

  /// `%run FILE`: runs a lesson's cells here, so its variables stay.
  private func runFile(_ path: String) {
    guard !path.isEmpty else {
      StandardError.write("UsageError: %run needs a file name\n")
      return
    }
    guard let lesson = Program.loadLesson(path) else { return }
    _ = BatchRunner(session: session, display: .cell).run(lesson)
  }

  /// `%history` (`-n` to number the inputs): this session's inputs.
  private func history(_ argument: String) {
    let numbered = argument.split(separator: " ").contains("-n")
    let inputs = repl.sessionInputs.dropLast()
    for (index, input) in inputs.enumerated() {
      if numbered {
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.enumerated().map {
          $0.offset == 0 ? String($0.element) : "   " + $0.element
        }
        Console.shared.write(
          "\(String(index + 1).leftPadded(to: 4)): \(text.joined(separator: "\n"))\n")
      } else {
        Console.shared.write(input + "\n")
      }
    }
  }
}

extension String {
  /// The text with spaces before it to fill `width` columns.
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
