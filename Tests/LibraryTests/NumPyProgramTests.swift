import Language
import Library
import XCTest

/// Small programs run through the interpreter with the real `numpy`.
final class NumPyProgramTests: XCTestCase {
  private func run(_ source: String) throws -> [String] {
    let interpreter = Interpreter(modules: BuiltinModules())
    let values = try interpreter.run(
      source, origin: SourceOrigin(file: "<test>"), display: .interactive)
    return try values.map { try $0.repr() }
  }

  func testSeedCellsPrintAsNumPy() throws {
    let shown = try run(
      """
      import numpy as np
      data = np.arange(1,11).reshape(5, 2).astype(np.float32)
      outputs = data * (data % 3 == 0)
      data[outputs!=0].sum() / 0.5, outputs[outputs!=0].sum()
      x = np.arange(96).reshape(2, 4, 4, 3) / 255.0
      x[:1][0, 1:3, 2:4].shape
      i, j = np.array([1, 2]) * 2
      x[0, i//2, j//2, :]
      data[::2, -1]
      """)
    XCTAssertEqual(
      shown,
      [
        "(np.float32(36.0), np.float32(18.0))", "(2, 2, 3)",
        "array([0.07058824, 0.0745098 , 0.07843137])", "array([ 2.,  6., 10.], dtype=float32)",
      ])
  }

  func testRuntimeErrorsBecomePythonExceptions() throws {
    XCTAssertThrowsError(try run("import numpy as np\nnp.zeros((5, 2)) + np.ones(3)")) {
      let error = $0 as? PyError
      XCTAssertEqual(error?.type.name, "ValueError")
      XCTAssertEqual(
        error?.message, "operands could not be broadcast together with shapes (5,2) (3,) ")
    }
    XCTAssertThrowsError(try run("import numpy as np\nnp.zeros((100000, 100000, 100))")) {
      XCTAssertEqual(($0 as? PyError)?.type.name, "MemoryError")
    }
    XCTAssertThrowsError(try run("import numpy as np\nif np.ones(2):\n  pass")) {
      XCTAssertEqual(($0 as? PyError)?.type.name, "ValueError")
    }
    XCTAssertEqual(
      try run("import numpy as np\nx = np.zeros(4)\nx[1:3] = 7\nx\nf'{x.mean():.3f}'"),
      ["array([0., 7., 7., 0.])", "'3.500'"])
  }
}
