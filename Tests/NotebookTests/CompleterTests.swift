import Language
import Notebook
import XCTest

final class CompleterTests: XCTestCase {
  func testParameterNamesComeFromTheSignatureLine() {
    XCTAssertEqual(
      Completer.parameterNames(
        doc: "fit(self, x=None, y=None, *, epochs=1, verbose='auto')\n\nTrains.",
        function: "fit"),
      ["x", "y", "epochs", "verbose"])
    XCTAssertEqual(Completer.parameterNames(doc: "No signature here.", function: "fit"), [])
  }

  func testNamesAttributesAndKeywords() throws {
    let interpreter = Interpreter(modules: nil)
    let module = PyModule("tools")
    module.define("scale", .int(3))
    module.define(
      "stretch",
      .object(BuiltinFunction("stretch", doc: "stretch(values, factor=2, axis=0)") { _ in .none }))
    interpreter.setGlobal("tools", .object(module))
    try XCTSkipIf(interpreter.global("tools") == nil, "the interpreter keeps no globals yet")

    let completer = Completer(interpreter: interpreter)
    XCTAssertEqual(completer.completions("too"), ["tools"])
    XCTAssertEqual(completer.completions("pri"), ["print"])
    XCTAssertEqual(completer.completions("x = tools.s"), ["tools.scale", "tools.stretch("])
    XCTAssertEqual(completer.completions("tools.stretch(v, fa"), ["factor="])
    XCTAssertEqual(completer.completions("tools.nothing.x"), [])
  }

  func testUserFunctionsAndValuesFromTheSession() throws {
    let interpreter = Interpreter(modules: nil)
    _ = try interpreter.run(
      "def scale(values, factor=2):\n    return values\ntext = 'abc'\n",
      origin: SourceOrigin(file: "<test>"), display: .script)
    let completer = Completer(interpreter: interpreter)
    XCTAssertEqual(completer.completions("scale(1, fa"), ["factor="])
    XCTAssertEqual(completer.completions("y = sca"), ["scale"])
    XCTAssertEqual(completer.completions("text.upp"), ["text.upper"])
  }

  func testModuleAndArrayAttributesAfterADot() throws {
    let session = Session()
    _ = try session.interpreter.run(
      "import numpy as np\nx = np.zeros((2, 3))\n", origin: SourceOrigin(file: "<test>"),
      display: .script)
    let completer = Completer(interpreter: session.interpreter)

    let everything = completer.completions("np.")
    XCTAssertTrue(everything.contains("np.zeros("), "\(everything.prefix(20))")
    XCTAssertTrue(everything.contains("np.float32"), "\(everything.prefix(20))")
    XCTAssertTrue(everything.allSatisfy { $0.hasPrefix("np.") && !$0.hasPrefix("np._") })
    XCTAssertGreaterThan(everything.count, 50)
    XCTAssertEqual(completer.completions("np.ze"), ["np.zeros(", "np.zeros_like("])
    XCTAssertEqual(completer.completions("y = x.sh"), ["x.shape"])
    XCTAssertTrue(completer.completions("x.").contains("x.reshape("))
  }
}
