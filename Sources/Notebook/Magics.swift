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
    case "time": time(argument)
    case "timeit": timeit(argument)
    case "who": who()
    case "reset": reset(argument)
    case "run": runFile(argument)
    case "history": history(argument)
    case "matplotlib", "load_ext":
      // Notebook set-up lines: figures always show inline here.
      break
    default:
      StandardError.write("UsageError: Line magic function `%\(name)` not found.\n")
    }
    return .proceed
  }

  private var session: Session { repl.session }

  /// `%time CODE`: runs once and reports CPU and wall time.
  private func time(_ code: String) {
    guard !code.isEmpty else {
      StandardError.write("UsageError: %time needs code to run\n")
      return
    }
    let startUsage = cpuTimes()
    let start = monotonicSeconds()
    let outcome = repl.runCode(code, display: .cell)
    let wall = monotonicSeconds() - start
    let endUsage = cpuTimes()
    guard outcome.error == nil else { return }
    let user = endUsage.user - startUsage.user
    let system = endUsage.system - startUsage.system
    Console.shared.write(
      "CPU times: user \(formatDuration(user)), sys: \(formatDuration(system)), "
        + "total: \(formatDuration(user + system))\nWall time: \(formatDuration(wall))\n")
  }

  /// `%timeit CODE`: 7 runs of as many loops as fill about 0.2 seconds.
  private func timeit(_ code: String) {
    guard !code.isEmpty else {
      StandardError.write("UsageError: %timeit needs code to run\n")
      return
    }
    let origin = SourceOrigin(file: "<timeit>")
    func measure(_ loops: Int) -> Double? {
      let start = monotonicSeconds()
      for _ in 0..<loops {
        if case .failure(let error) = session.execute(code, origin: origin, display: .script) {
          session.report(error)
          return nil
        }
      }
      return monotonicSeconds() - start
    }
    var loops = 1
    while true {
      guard let elapsed = measure(loops) else { return }
      if elapsed >= 0.2 || loops >= 1_000_000 { break }
      loops *= 10
    }
    var perLoop: [Double] = []
    for _ in 0..<7 {
      guard let elapsed = measure(loops) else { return }
      perLoop.append(elapsed / Double(loops))
    }
    let mean = perLoop.reduce(0, +) / Double(perLoop.count)
    let variance = perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(perLoop.count)
    let plural = loops == 1 ? "loop" : "loops"
    Console.shared.write(
      "\(formatDuration(mean)) ± \(formatDuration(variance.squareRoot())) per loop "
        + "(mean ± std. dev. of 7 runs, \(loops) \(plural) each)\n")
  }

  /// `%who`: the names the program bound.
  private func who() {
    let names = session.interpreter.globalNames.filter { !$0.hasPrefix("_") }
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

  private func cpuTimes() -> (user: Double, system: Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return (user, system)
  }
}

/// A duration as IPython prints it: three significant digits with the
/// unit that suits it (`s`, `ms`, `µs`, `ns`).
func formatDuration(_ seconds: Double) -> String {
  let units: [(Double, String)] = [(1, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns")]
  for (scale, unit) in units where seconds >= scale || unit == "ns" {
    return significant(seconds / scale) + " " + unit
  }
  return "0 ns"
}

/// A number with three significant digits, as `%.3g` writes it.
func significant(_ value: Double) -> String {
  if value == 0 { return "0" }
  let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
  var text = String(
    Double(Int((value * pow(10, Double(digits))).rounded())) / pow(10, Double(digits)))
  if text.hasSuffix(".0") { text.removeLast(2) }
  return text
}

extension String {
  /// The text with spaces before it to fill `width` columns.
  func leftPadded(to width: Int) -> String {
    String(repeating: " ", count: max(0, width - count)) + self
  }
}
