import Foundation
import Language
import Library
import Support
import Tensors

/// What one corpus program is expected to end in, read from its header.
struct Expectation: Equatable, CustomStringConvertible {
  /// The exception type's name, such as `ValueError`.
  var type: String
  /// The line the error points at.
  var line: Int
  /// The column, when the header gives one.
  var column: Int?

  var description: String {
    column.map { "\(type) at \(line):\($0)" } ?? "\(type) at \(line)"
  }

  /// Reads `# expect: Type at L[:C]`; nil when the header is missing.
  init?(header: String) {
    let prefix = "# expect: "
    guard header.hasPrefix(prefix) else { return nil }
    let parts = header.dropFirst(prefix.count).split(separator: " ")
    guard parts.count == 3, parts[1] == "at" else { return nil }
    let place = parts[2].split(separator: ":").compactMap { Int($0) }
    guard let line = place.first else { return nil }
    type = String(parts[0])
    self.line = line
    column = place.count > 1 ? place[1] : nil
  }

  init(type: String, line: Int, column: Int?) {
    self.type = type
    self.line = line
    self.column = column
  }
}

/// How one program ended: the error's type and where it points.
struct Outcome {
  var type: String
  var line: Int
  var column: Int
  var message: String
}

/// Runs hostile programs in-process, each in a fresh session, on a thread
/// with a large stack so that deep recursion ends in RecursionError.
enum CorpusRunner {
  /// The stack size the notebook itself runs programs with.
  static let stackSize = 512 << 20

  /// Runs `source` and returns how it ended; nil when it ran to the end.
  static func run(_ source: String, file: String) -> (Outcome?, String) {
    var result: (Outcome?, String) = (nil, "")
    onLargeStack {
      result = runHere(source, file: file)
    }
    return result
  }

  private static func runHere(_ source: String, file: String) -> (Outcome?, String) {
    var output = ""
    let console = Console.shared
    console.redirect = { output += $0 }
    // Print options are process-wide, as in NumPy; a program that changes
    // them must not change how the next one, or another test, prints.
    defer {
      console.redirect = nil
      PrintOptions.current = PrintOptions()
    }

    let interpreter = Interpreter(modules: BuiltinModules())
    do {
      _ = try interpreter.run(source, origin: SourceOrigin(file: file), display: .script)
      return (nil, output)
    } catch let error as PyError {
      return (outcome(error), output)
    } catch {
      return (
        Outcome(type: "<swift \(type(of: error))>", line: 0, column: 0, message: "\(error)"),
        output
      )
    }
  }

  /// The innermost place the error points at: the last traceback frame's
  /// failing expression, or the syntax error's location.
  static func outcome(_ error: PyError) -> Outcome {
    var line = 0
    var column = 0
    if let frame = error.traceback.last {
      let span = frame.focus ?? frame.span
      line = span.line
      column = span.column
    } else if let location = error.location {
      line = location.line
      column = location.column
    }
    return Outcome(type: error.type.name, line: line, column: column, message: error.message)
  }

  private final class Job {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  /// Runs `body` on a fresh thread with a large stack and waits for it.
  static func onLargeStack(_ body: @escaping () -> Void) {
    let job = Job(body)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    var thread = pthread_t()
    let context = Unmanaged.passRetained(job).toOpaque()
    let status = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body()
        return nil
      }, context)
    guard status == 0 else {
      Unmanaged<Job>.fromOpaque(context).release()
      body()
      return
    }
    pthread_join(thread, nil)
  }
}
