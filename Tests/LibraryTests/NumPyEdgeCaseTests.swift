import Language
import Library
import XCTest

/// Programs at NumPy's edges: int64 limits, sizes from data, joins of
/// mismatched arrays, comparisons with None and invalid random arguments.
final class NumPyEdgeCaseTests: XCTestCase {
  private func run(_ source: String) throws -> [String] {
    let interpreter = Interpreter(modules: BuiltinModules())
    let values = try interpreter.run(
      "import numpy as np\n" + source, origin: SourceOrigin(file: "<test>"),
      display: .interactive)
    return try values.map { try $0.repr() }
  }

  private func assertRaises(
    _ source: String, _ type: String, _ message: String? = nil, line: UInt = #line
  ) {
    XCTAssertThrowsError(try run(source), source, line: line) {
      let error = $0 as? PyError
      XCTAssertEqual(error?.type.name, type, source, line: line)
      if let message { XCTAssertEqual(error?.message, message, source, line: line) }
    }
  }

  func testInt64LimitsPrintExactly() throws {
    XCTAssertEqual(
      try run(
        """
        str(np.array([9223372036854775807]))
        np.arange(3) + 9223372036854775807
        str(np.array([2**53 + 1, 0]))
        """),
      [
        "'[9223372036854775807]'",
        "array([ 9223372036854775807, -9223372036854775808, -9223372036854775807])",
        "'[9007199254740993                0]'",
      ])
  }

  func testNonFiniteFloatsCastToTheIntMinimum() throws {
    XCTAssertEqual(
      try run("np.array([np.nan, np.inf]).astype(np.int32)"),
      ["array([-2147483648, -2147483648], dtype=int32)"])
  }

  func testSizesFromDataRaiseMemoryError() {
    assertRaises("np.bincount(np.array([10**12]), minlength=0)", "MemoryError")
    assertRaises("np.arange(10**12)", "MemoryError")
    assertRaises("np.linspace(0, 1, 10**12)", "MemoryError")
    assertRaises("np.eye(10**7)", "MemoryError")
    assertRaises("np.zeros((10**6, 10**6))", "MemoryError")
    assertRaises("np.full((10**6, 10**6), 1)", "MemoryError")
    assertRaises("np.meshgrid(np.arange(10**5), np.arange(10**6))", "MemoryError")
    assertRaises(
      "np.bincount(np.array([1]), minlength=-1)", "ValueError", "'minlength' must not be negative")
  }

  func testConcatenateJoinsAlongTheFirstAxisByDefault() throws {
    XCTAssertEqual(
      try run(
        """
        np.concatenate([np.zeros((2, 2)), np.ones((2, 2))]).shape
        np.concatenate([np.zeros((2, 2)), np.ones((2, 2))], axis=None).shape
        np.concatenate([np.zeros((2, 2)), np.ones((2, 3))], axis=1).shape
        """),
      ["(4, 2)", "(8,)", "(2, 5)"])
    assertRaises(
      "np.concatenate([np.zeros((2, 2)), np.ones((3, 3))])", "ValueError",
      "all the input array dimensions except for the concatenation axis must match exactly,"
        + " but along dimension 1, the array at index 0 has size 2 and the array at index 1"
        + " has size 3")
  }

  func testComparingWithNoneIsElementWise() throws {
    XCTAssertEqual(
      try run("np.array([1, 2, 3]) == None\nnp.array([1, 2, 3]) != None"),
      ["array([False, False, False])", "array([ True,  True,  True])"])
  }

  func testInvalidRandomArgumentsRaiseValueError() {
    assertRaises("np.random.normal(0, -1, 3)", "ValueError", "scale < 0")
    assertRaises("np.random.default_rng(0).normal(0, -1)", "ValueError", "scale < 0")
    assertRaises("np.random.seed(-1)", "ValueError", "Seed must be between 0 and 2**32 - 1")
    assertRaises("np.random.seed(2**32)", "ValueError", "Seed must be between 0 and 2**32 - 1")
    assertRaises("np.random.default_rng(-1)", "ValueError", "expected non-negative integer")
    assertRaises(
      "np.random.default_rng(0).integers(0, 9223372036854775807, endpoint=True)", "ValueError")
  }

  func testSeedAtTheUpperBoundIsAccepted() throws {
    XCTAssertEqual(try run("np.random.seed(2**32 - 1) is None"), ["True"])
  }
}
