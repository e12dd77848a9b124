import Foundation
import Language
import Support
import XCTest

/// A context manager that records when it is entered and left.
final class RecordingContext: PyObject {
  var events: [String] = []
  override func enter() throws -> Value {
    events.append("enter")
    return .string("resource")
  }
  override func exit() throws { events.append("exit") }
}

/// An error from a lower layer that names its Python exception.
struct ShapeError: PythonConvertibleError {
  var pythonExceptionName: String { "ValueError" }
  var pythonMessage: String { "shapes (2, 3) and (4, 5) not aligned" }
}

final class InterpreterTests: XCTestCase {
  private func run(
    _ source: String, _ interpreter: Interpreter = Interpreter(modules: TestModules()),
    display: DisplayMode = .cell, origin: SourceOrigin = SourceOrigin(file: "test.py")
  ) throws -> [String] {
    try interpreter.run(source, origin: origin, display: display).map { try $0.repr() }
  }

  private func error(
    _ source: String, _ interpreter: Interpreter = Interpreter(modules: TestModules()),
    origin: SourceOrigin = SourceOrigin(file: "test.py")
  ) -> PyError? {
    do {
      _ = try interpreter.run(source, origin: origin, display: .script)
      return nil
    } catch let error as PyError {
      return error
    } catch {
      return nil
    }
  }

  func testCellShowsOnlyTheLastExpressionUnlessItEndsInSemicolon() throws {
    XCTAssertEqual(try run("x = 20\nx + 1\nx * 2"), ["40"])
    XCTAssertEqual(try run("x = 20\nx * 2;"), [])
    XCTAssertEqual(try run("x = 5; x"), ["5"])
    XCTAssertEqual(try run("None"), [])
    XCTAssertEqual(try run("'text'"), ["'text'"])
    XCTAssertEqual(try run("x = 1"), [])
  }

  func testInteractiveShowsEveryExpressionAndScriptNone() throws {
    XCTAssertEqual(try run("1\n2\nNone\n'a'", display: .interactive), ["1", "2", "'a'"])
    XCTAssertEqual(try run("1\n2", display: .script), [])
  }

  func testGlobalsPersistBetweenRuns() throws {
    let interpreter = Interpreter(modules: nil)
    _ = try run("def f(v):\n    return v * k\nk = 3", interpreter)
    XCTAssertEqual(try run("f(4)", interpreter), ["12"])
    XCTAssertEqual(interpreter.globalNames, ["f", "k"])
    interpreter.setGlobal("k", .int(10))
    XCTAssertEqual(try run("f(4)", interpreter), ["40"])
    if case .int(let value)? = interpreter.global("k") {
      XCTAssertEqual(value, 10)
    } else {
      XCTFail("k is not bound")
    }
    interpreter.resetGlobals()
    XCTAssertEqual(interpreter.globalNames, [])
    XCTAssertEqual(error("f(4)", interpreter)?.type.name, "NameError")
  }

  func testIsCompleteWaitsForBlocksBracketsAndTripleQuotes() {
    let interpreter = Interpreter(modules: nil)
    XCTAssertTrue(interpreter.isComplete("x = 1"))
    XCTAssertFalse(interpreter.isComplete("def f():"))
    XCTAssertFalse(interpreter.isComplete("def f():\n    return 1"))
    XCTAssertTrue(interpreter.isComplete("def f():\n    return 1\n"))
    XCTAssertFalse(interpreter.isComplete("x = (1,\n 2"))
    XCTAssertTrue(interpreter.isComplete("x = (1,\n 2)"))
    XCTAssertFalse(interpreter.isComplete("s = '''abc"))
    XCTAssertFalse(interpreter.isComplete("x = 1 + \\"))
    XCTAssertTrue(interpreter.isComplete("x = )"))
  }

  func testCompletionsCoverGlobalsBuiltinsAttributesAndKeywords() throws {
    let interpreter = Interpreter(modules: TestModules())
    _ = try run(
      "import shapes\nmodel = [1]\nmodels = 2\ndef fit(x, epochs=1, batch_size=32):\n    pass",
      interpreter)
    XCTAssertEqual(interpreter.completions(for: "mod"), ["model", "models"])
    XCTAssertTrue(interpreter.completions(for: "pri").contains("print"))
    XCTAssertEqual(interpreter.completions(for: "model.app"), ["model.append"])
    XCTAssertEqual(interpreter.completions(for: "shapes.sq"), ["shapes.square"])
    XCTAssertEqual(interpreter.completions(for: "fit(1, ep"), ["fit(1, epochs="])
    XCTAssertEqual(interpreter.completions(for: "x = mode"), ["x = model", "x = models"])
  }

  func testCellTracebackNamesTheCellAndLine() {
    let interpreter = Interpreter(modules: nil)
    let origin = SourceOrigin(file: "lesson.mlscript", cell: 4, lineOffset: 30)
    guard
      let failure = error(
        "def get_model():\n    return 1 / 0\nget_model()", interpreter,
        origin: origin)
    else { return XCTFail("no error") }
    XCTAssertEqual(
      interpreter.formatTraceback(failure, color: false),
      """
      Traceback (most recent call last):
        Cell In[4], line 3, in <module>
          get_model()
        Cell In[4], line 2, in get_model
          return 1 / 0
                 ~~^~~
      ZeroDivisionError: division by zero

      """)
    XCTAssertEqual(failure.traceback.map(\.span.line), [33, 32])
  }

  func testTenThousandParenthesesAreASyntaxError() {
    let source = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let failure = error(source)
    XCTAssertEqual(failure?.type.name, "SyntaxError")
    XCTAssertEqual(failure?.message, "too many nested parentheses")
    let unary = "x = " + String(repeating: "-", count: 10_000) + "1"
    XCTAssertEqual(error(unary)?.type.name, "SyntaxError")
    let chain = "x = " + Array(repeating: "1", count: 5_000).joined(separator: " + ")
    XCTAssertEqual(error(chain)?.type.name, "SyntaxError")
  }

  func testLongUnaryChainsAreTooManyNestedExpressions() {
    for prefix in ["not ", "-", "lambda: "] {
      let failure = error("x = " + String(repeating: prefix, count: 20_000) + "1")
      XCTAssertEqual(failure?.type.name, "SyntaxError", prefix)
      XCTAssertEqual(failure?.message, "too many nested expressions", prefix)
    }
    let powers = "x = " + Array(repeating: "2", count: 20_000).joined(separator: " ** ")
    XCTAssertEqual(error(powers)?.message, "too many nested expressions")
  }

  func testSyntaxErrorOnAVeryLongLineShowsAWindowAroundTheCaret() {
    let interpreter = Interpreter(modules: nil)
    let source = "x = " + String(repeating: "1+", count: 50_000) + ")"
    guard let failure = error(source, interpreter) else { return XCTFail("no error") }
    let text = interpreter.formatTraceback(failure, color: false)
    let lines = text.split(separator: "\n")
    XCTAssertEqual(lines.last, "SyntaxError: unmatched ')'")
    XCTAssertLessThanOrEqual(lines.map(\.count).max() ?? 0, 100, text)
    XCTAssertTrue(lines.contains { $0.hasSuffix("1+1+)") }, text)
    XCTAssertTrue(lines.contains { $0.hasSuffix("^") }, text)
  }

  func testHugeIntLiteralIsAnErrorWithALocation() {
    let failure = error("y = 1\nx = 99999999999999999999")
    XCTAssertEqual(failure?.type.name, "OverflowError")
    XCTAssertEqual(failure?.location?.line, 2)
    XCTAssertEqual(failure?.location?.column, 5)
  }

  func testByteOrderMarkIsSkipped() {
    XCTAssertEqual(runProgram("\u{FEFF}print(1)\n", file: "bom.py"), "1\n")
  }

  func testExitCarriesItsCodeInTheMessage() {
    XCTAssertEqual(error("exit(3)")?.type.name, "SystemExit")
    XCTAssertEqual(error("exit(3)")?.message, "3")
    XCTAssertEqual(error("exit()")?.message, "")
    XCTAssertEqual(error("raise SystemExit(4)")?.message, "4")
  }

  func testHugeStringsAndListsAreMemoryErrors() {
    for source in ["x = 'x' * 10**10", "x = [0, 1] * 2**40", "a, *b = range(10**15)"] {
      XCTAssertEqual(error(source)?.type.name, "MemoryError", source)
    }
    XCTAssertEqual(runProgram("print(str(KeyError('k')))", file: "k.py"), "'k'\n")
  }

  func testDeepRecursionIsARecursionErrorWithACollapsedTraceback() {
    let output = runProgram("def down(n):\n    return down(n + 1)\ndown(0)\n", file: "deep.py")
    XCTAssertTrue(output.hasSuffix("RecursionError: maximum recursion depth exceeded\n"), output)
    XCTAssertTrue(output.contains("  [Previous line repeated 996 more times]\n"), output)
  }

  func testCtrlCRaisesKeyboardInterruptAndClearsTheRequest() {
    Interruption.request()
    let failure = error("while True:\n    pass")
    XCTAssertEqual(failure?.type.name, "KeyboardInterrupt")
    XCTAssertFalse(Interruption.isRequested)
  }

  func testJupyterLines() throws {
    let interpreter = Interpreter(modules: nil)
    XCTAssertEqual(
      try run("%matplotlib inline\n%load_ext tensorboard\n%config X=1\n1", interpreter), ["1"])
    let shell = error("!wget -q https://example.com/data.h5", interpreter)
    XCTAssertEqual(
      shell?.message, "shell commands are not run by mlscript: !wget -q https://example.com/data.h5"
    )
    var output = ""
    let console = Console(width: 80, colorDepth: .none, isTerminal: false)
    console.redirect = { output += $0 }
    let saved = Console.shared
    Console.shared = console
    defer { Console.shared = saved }
    XCTAssertEqual(try run("%time y = sum(range(1000))\ny", interpreter), ["499500"])
    XCTAssertTrue(output.hasPrefix("CPU times: user "), output)
    XCTAssertTrue(output.contains("\nWall time: "), output)
    output = ""
    XCTAssertEqual(try run("%time 6 * 7", interpreter), ["42"])
    output = ""
    _ = try run("%timeit -n 3 y + 1", interpreter)
    XCTAssertTrue(
      output.contains(" per loop (mean \u{B1} std. dev. of 7 runs, "), output)
    XCTAssertTrue(output.hasSuffix(" loops each)\n"), output)
  }

  func testImports() throws {
    let interpreter = Interpreter(modules: TestModules())
    XCTAssertEqual(try run("import shapes\nshapes.square(3)", interpreter), ["9.0"])
    XCTAssertEqual(try run("from shapes import square, pi\nsquare(pi) > 9", interpreter), ["True"])
    XCTAssertEqual(try run("import shapes.solids as s\ns.cube_faces", interpreter), ["6"])
    XCTAssertEqual(try run("import shapes.solids\nshapes.solids.cube_faces", interpreter), ["6"])
    XCTAssertEqual(try run("from shapes import *\npi", interpreter), ["3.14159"])
    XCTAssertEqual(try run("from shapes import solids\nsolids.cube_faces", interpreter), ["6"])
    let missing = error("import tensorflowz", interpreter)
    XCTAssertEqual(missing?.type.name, "ModuleNotFoundError")
    XCTAssertEqual(missing?.message, "No module named 'tensorflowz'")
    XCTAssertEqual(error("from shapes import cube", interpreter)?.type.name, "ImportError")
    let typo = error("shapes.squar(2)", interpreter)
    XCTAssertEqual(typo?.message, "module 'shapes' has no attribute 'squar'")
    XCTAssertEqual(typo?.suggestion, "square")
    if let typo {
      XCTAssertTrue(
        interpreter.formatTraceback(typo, color: false).hasSuffix(
          "AttributeError: module 'shapes' has no attribute 'squar'. Did you mean: 'square'?\n"))
    }
    XCTAssertEqual(
      error("shapes.square(y=2)", interpreter)?.message,
      "square() got an unexpected keyword argument 'y'; it takes square(x)")
  }

  func testNativeContextManagersAndErrors() throws {
    let interpreter = Interpreter(modules: nil)
    let context = RecordingContext()
    interpreter.setGlobal("ctx", .object(context))
    XCTAssertEqual(try run("with ctx as r:\n    got = r\ngot", interpreter), ["'resource'"])
    XCTAssertEqual(context.events, ["enter", "exit"])
    XCTAssertEqual(error("with ctx:\n    1 / 0", interpreter)?.type.name, "ZeroDivisionError")
    XCTAssertEqual(context.events, ["enter", "exit", "enter", "exit"])
    interpreter.setGlobal(
      "matmul", .object(BuiltinFunction("matmul") { _ in throw ShapeError() }))
    XCTAssertEqual(
      try run("try:\n    matmul()\nexcept ValueError as e:\n    m = str(e)\nm", interpreter),
      ["'shapes (2, 3) and (4, 5) not aligned'"])
  }

  func testIntegerOverflowIsAnOverflowError() {
    for source in [
      "2 ** 64", "9223372036854775807 + 1", "-9223372036854775807 - 2",
      "3037000500 * 3037000500", "1 << 64", "x = 99999999999999999999",
    ] {
      XCTAssertEqual(error(source)?.type.name, "OverflowError", source)
    }
  }

  func testSyntaxErrorsPointAtTheirColumn() {
    let interpreter = Interpreter(modules: nil)
    guard let failure = error("x = 1\ny = = 2", interpreter) else { return XCTFail("no error") }
    XCTAssertEqual(failure.type.name, "SyntaxError")
    XCTAssertEqual(failure.location?.line, 2)
    XCTAssertEqual(failure.location?.column, 5)
    XCTAssertEqual(
      interpreter.formatTraceback(failure, color: false),
      "  File \"test.py\", line 2\n    y = = 2\n        ^\nSyntaxError: invalid syntax\n")
  }

  func testHelpAndDir() throws {
    let interpreter = Interpreter(modules: nil)
    _ = try run("def area(w, h=2):\n    \"\"\"The area.\"\"\"\n    return w * h", interpreter)
    if let area = interpreter.global("area") {
      XCTAssertEqual(
        interpreter.helpText(for: area), "Help on function area:\n\narea(w, h=2)\n\nThe area.")
    } else {
      XCTFail("area is not bound")
    }
    XCTAssertEqual(try run("dir()", interpreter), ["['area']"])
  }
}
