import Foundation
import Language
import XCTest

/// The programs `scripts/bench` times against CPython.
enum BenchmarkPrograms {
  static let loop = "s = 0\nfor i in range(10_000_000):\n    s += i\n"
  static let calls =
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
    + "r = fib(25)\n"
}

final class BenchmarkTests: XCTestCase {
  private func time(_ source: String) throws -> (Double, Interpreter) {
    let interpreter = Interpreter(modules: nil)
    let start = Date()
    _ = try interpreter.run(source, origin: SourceOrigin(file: "bench.py"), display: .script)
    return (Date().timeIntervalSince(start), interpreter)
  }

  /// Checks the benchmark programs' results; prints their times when
  /// `MLSCRIPT_BENCH` is set.
  func testBenchmarkProgramsComputeTheRightValues() throws {
    let (loopTime, loop) = try time(BenchmarkPrograms.loop)
    XCTAssertEqual(try loop.global("s")?.repr(), "49999995000000")
    let (callTime, calls) = try time(BenchmarkPrograms.calls)
    XCTAssertEqual(try calls.global("r")?.repr(), "75025")
    if ProcessInfo.processInfo.environment["MLSCRIPT_BENCH"] != nil {
      print(String(format: "mlscript loop: %.3f s", loopTime))
      print(String(format: "mlscript fib(25): %.3f s", callTime))
    }
  }
}
