import Language
import Library
import XCTest

/// The `math`, `random` and `time` modules, run through the interpreter.
final class StdlibTests: XCTestCase {
  private func values(_ source: String) throws -> [String] {
    let interpreter = Interpreter(modules: BuiltinModules())
    return try interpreter.run(
      source, origin: SourceOrigin(file: "stdlib.py"), display: .interactive
    )
    .map { try $0.repr() }
  }

  private func failure(_ source: String) -> PyError? {
    do {
      _ = try values(source)
      return nil
    } catch {
      return error as? PyError
    }
  }

  func testMathMatchesPython() throws {
    // Values printed by CPython 3.11's math module.
    XCTAssertEqual(
      try values(
        "import math\nmath.sqrt(2)\nmath.pi\nmath.e\nmath.log(100, 10)\nmath.exp(1)\n"
          + "math.floor(-2.5)\nmath.ceil(2.1)\nmath.factorial(10)\nmath.gcd(12, 18)\n"
          + "math.isclose(0.1 + 0.2, 0.3)\nmath.log2(1024)\nmath.atan2(1, 1)\n"
          + "math.comb(5, 2)\nmath.prod([1, 2, 3, 4])\nmath.fsum([0.1] * 10)\nmath.hypot(3, 4)"),
      [
        "1.4142135623730951", "3.141592653589793", "2.718281828459045", "2.0",
        "2.718281828459045", "-3", "3", "3628800", "6", "True", "10.0",
        "0.7853981633974483", "10", "24", "1.0", "5.0",
      ])
    XCTAssertEqual(failure("import math\nmath.sqrt(-1)")?.message, "math domain error")
    XCTAssertEqual(failure("import math\nmath.log(0)")?.type.name, "ValueError")
    XCTAssertEqual(failure("import math\nmath.factorial(30)")?.type.name, "OverflowError")
  }

  func testRandomIsReproducibleAfterSeeding() throws {
    let source =
      "import random\nrandom.seed(42)\na = [random.random() for _ in range(3)]\n"
      + "random.seed(42)\nb = [random.random() for _ in range(3)]\na == b\n"
      + "all(0 <= v < 1 for v in a)\nrandom.seed(1)\n"
      + "r = [random.randint(1, 6) for _ in range(200)]\nmin(r), max(r)\n"
      + "items = list(range(10))\nrandom.shuffle(items)\nsorted(items) == list(range(10))\n"
      + "random.choice(['x'])\nlen(random.sample(range(100), 5))\n"
      + "0 <= random.randrange(10) < 10\n5 <= random.uniform(5, 6) <= 6"
    XCTAssertEqual(
      try values(source), ["True", "True", "(1, 6)", "True", "'x'", "5", "True", "True"])
    XCTAssertEqual(failure("import random\nrandom.choice([])")?.type.name, "IndexError")
    XCTAssertEqual(failure("import random\nrandom.randint(5, 1)")?.type.name, "ValueError")
  }

  func testTimeClocksAdvance() throws {
    XCTAssertEqual(
      try values(
        "import time\na = time.perf_counter()\ntime.sleep(0.01)\n"
          + "b = time.perf_counter()\n0.009 < b - a < 1\ntime.time() > 1.7e9\n"
          + "time.process_time() >= 0"),
      ["True", "True", "True"])
    XCTAssertEqual(failure("import time\ntime.sleep(-1)")?.type.name, "ValueError")
  }

  func testSysExitCarriesItsStatus() throws {
    let exit = failure("import sys\nsys.exit(4)")
    XCTAssertEqual(exit?.type.name, "SystemExit")
    XCTAssertEqual(exit?.message, "4")
    XCTAssertEqual(failure("import sys\nsys.exit()")?.message, "")
    XCTAssertEqual(try values("import sys\nsys.platform\nlen(sys.argv)"), ["'linux'", "1"])
  }
}
