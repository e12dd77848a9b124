import Foundation
import Language
import Support
import XCTest

/// Runs every program under `Conformance/` and compares what it prints
/// (and the traceback of an uncaught error) with the `.out` file beside it,
/// which holds CPython 3.11's output for the same program.
final class ConformanceTests: XCTestCase {
  func testEveryProgramPrintsWhatPythonPrints() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Conformance")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".py") }.sorted()
    XCTAssertGreaterThan(names.count, 0)
    let only = ProcessInfo.processInfo.environment["CONFORMANCE_ONLY"]
    var failures: [String] = []
    var checked = 0
    for name in names where only == nil || name.hasPrefix(only ?? "") {
      let source = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      let expectedURL = directory.appendingPathComponent(
        String(name.dropLast(3)) + ".out")
      guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
        failures.append("\(name): no .out file")
        continue
      }
      let output = runProgram(source, file: name)
      checked += 1
      if output != expected {
        failures.append("\(name):\n--- expected\n\(expected)--- got\n\(output)")
      }
    }
    print("conformance: \(checked - failures.count) of \(checked) programs match")
    if let report = ProcessInfo.processInfo.environment["CONFORMANCE_REPORT"] {
      try failures.joined(separator: "\n").write(toFile: report, atomically: true, encoding: .utf8)
    }
    XCTAssert(failures.isEmpty, failures.joined(separator: "\n"))
  }
}

/// A module provider with one small module, for import tests.
final class TestModules: ModuleProvider {
  func module(named name: String) throws -> PyModule? {
    switch name {
    case "shapes":
      let module = PyModule("shapes", doc: "Shapes for tests.")
      module.define("pi", .float(3.14159))
      module.function("square") { args in
        let bound = try args.bind("square(x)")
        return .float(try bound.double("x") * bound.double("x"))
      }
      return module
    case "shapes.solids":
      let module = PyModule("shapes.solids")
      module.define("cube_faces", .int(6))
      return module
    default:
      return nil
    }
  }
}

/// Runs a program as a script on a thread with a notebook-sized stack and
/// returns everything it printed, then the traceback if it failed.
func runProgram(_ source: String, file: String, display: DisplayMode = .script) -> String {
  let buffer = OutputBuffer()
  let finished = DispatchSemaphore(value: 0)
  let thread = Thread {
    let console = Console(width: 80, colorDepth: .none, isTerminal: false)
    console.redirect = { buffer.text += $0 }
    let saved = Console.shared
    Console.shared = console
    let interpreter = Interpreter(modules: TestModules())
    do {
      let shown = try interpreter.run(
        source, origin: SourceOrigin(file: file), display: display)
      for value in shown { buffer.text += ((try? value.repr()) ?? "?") + "\n" }
    } catch let error as PyError {
      buffer.text += interpreter.formatTraceback(error, color: false)
    } catch {
      buffer.text += "unexpected error \(error)\n"
    }
    Console.shared = saved
    finished.signal()
  }
  thread.stackSize = 512 << 20
  thread.start()
  finished.wait()
  return buffer.text
}

/// Text collected from the console by a program's thread.
final class OutputBuffer: @unchecked Sendable {
  var text = ""
}
