import Language
import Library
import Tensors
import XCTest

/// `np.set_printoptions`, `np.get_printoptions` and `np.printoptions`,
/// with the printed text NumPy 2.4 gives for the same programs.
final class PrintOptionsTests: XCTestCase {
  override func tearDown() {
    PrintOptions.current = PrintOptions()
    super.tearDown()
  }

  private func run(_ source: String) throws -> [String] {
    let interpreter = Interpreter(modules: BuiltinModules())
    let values = try interpreter.run(
      "import numpy as np\n" + source, origin: SourceOrigin(file: "<test>"),
      display: .interactive)
    return try values.map { try $0.str() }
  }

  func testSuppressKeepsSmallNumbersPositional() throws {
    let cases: [(source: String, str: String, repr: String)] = [
      (
        "np.array([1e-8, 1.0, 1234.5])", "[   0.00000001    1.         1234.5       ]",
        "array([   0.00000001,    1.        , 1234.5       ])"
      ),
      (
        "np.array([1e-8, 1.0, 1234.5], dtype=np.float32)",
        "[   0.00000001    1.         1234.5       ]",
        "array([   0.00000001,    1.        , 1234.5       ], dtype=float32)"
      ),
      ("np.array([1.5e-10, -2.5e-9, 3.0])", "[ 0. -0.  3.]", "array([ 0., -0.,  3.])"),
      ("np.array([1e-5, 1.0])", "[0.00001 1.     ]", "array([0.00001, 1.     ])"),
      (
        "np.array([0.000123456789, 12345.678])", "[    0.00012346 12345.678     ]",
        "array([    0.00012346, 12345.678     ])"
      ),
      (
        "np.array([[1e-4, 2e-6], [3.14159, 100.0]], dtype=np.float32)",
        "[[  0.0001     0.000002]\n [  3.14159  100.      ]]",
        "array([[  0.0001  ,   0.000002],\n       [  3.14159 , 100.      ]], dtype=float32)"
      ),
      ("np.array([np.nan, 1e-9, -np.inf])", "[ nan   0. -inf]", "array([ nan,   0., -inf])"),
      ("np.array([1e-12])", "[0.]", "array([0.])"),
      // Huge numbers still need exponents, and a 0-d array's str is a scalar's.
      ("np.array([1e10, -2.5])", "[ 1.0e+10 -2.5e+00]", "array([ 1.0e+10, -2.5e+00])"),
      (
        "np.array([123456789.0, 0.5])", "[1.23456789e+08 5.00000000e-01]",
        "array([1.23456789e+08, 5.00000000e-01])"
      ),
      ("np.array(1e-8)", "1e-08", "array(0.00000001)"),
    ]
    for c in cases {
      let shown = try run(
        "np.set_printoptions(suppress=True)\na = \(c.source)\nstr(a)\nrepr(a)")
      XCTAssertEqual(shown, [c.str, c.repr], c.source)
    }
  }

  func testSuppressWithPrecisionRoundsSmallNumbersAway() throws {
    XCTAssertEqual(
      try run(
        """
        np.set_printoptions(precision=3, suppress=True)
        repr(np.array([1e-8, 1.0, 1234.5]))
        repr(np.array([-0.0004, 2.0]))
        """),
      ["array([   0. ,    1. , 1234.5])", "array([-0.,  2.])"])
  }

  func testWithoutSuppressSmallNumbersUseExponents() throws {
    XCTAssertEqual(
      try run(
        """
        np.set_printoptions(suppress=True)
        np.set_printoptions(suppress=False)
        repr(np.array([1e-5, 3.14159]))
        """),
      ["array([1.00000e-05, 3.14159e+00])"])
  }

  func testPrecisionThresholdEdgeItemsAndLineWidth() throws {
    XCTAssertEqual(
      try run(
        """
        np.set_printoptions(precision=3, threshold=5, edgeitems=2, linewidth=30)
        repr(np.arange(10) * 0.123456)
        str(np.arange(10) * 0.123456)
        repr(np.arange(12).reshape(3, 4) * 1.5)
        """),
      [
        "array([0.   , 0.123, ...,\n       0.988, 1.111],\n      shape=(10,))",
        "[0.    0.123 ... 0.988 1.111]",
        "array([[ 0. ,  1.5,  3. ,\n         4.5],\n       [ 6. ,  7.5,  9. ,\n        10.5],\n"
          + "       [12. , 13.5, 15. ,\n        16.5]], shape=(3, 4))",
      ])
  }

  func testInfiniteThresholdNeverSummarises() throws {
    let shown = try run(
      "np.set_printoptions(threshold=np.inf)\nstr(np.arange(1001))\n"
        + "repr(np.get_printoptions()['threshold'])")
    XCTAssertEqual(shown.first?.contains("..."), false)
    XCTAssertEqual(shown.first?.hasSuffix(" 999 1000]"), true)
    XCTAssertEqual(shown.last, "inf")
    XCTAssertThrowsError(try run("np.set_printoptions(threshold=np.nan)")) {
      XCTAssertEqual(($0 as? PyError)?.type.name, "ValueError")
    }
    XCTAssertThrowsError(try run("np.set_printoptions(threshold='all')")) {
      XCTAssertEqual(($0 as? PyError)?.message, "threshold must be numeric")
    }
  }

  func testGetPrintOptionsListsNumPysKeys() throws {
    XCTAssertEqual(
      try run("np.get_printoptions()"),
      [
        "{'edgeitems': 3, 'threshold': 1000, 'floatmode': 'maxprec', 'precision': 8,"
          + " 'suppress': False, 'linewidth': 75, 'nanstr': 'nan', 'infstr': 'inf',"
          + " 'sign': '-', 'formatter': None, 'legacy': False, 'override_repr': None}"
      ])
    XCTAssertEqual(
      try run(
        """
        np.set_printoptions(precision=4, suppress=True, linewidth=100)
        o = np.get_printoptions()
        o['precision'], o['suppress'], o['linewidth'], o['threshold']
        """),
      ["(4, True, 100, 1000)"])
  }

  func testPrintOptionsContextRestoresTheEarlierOptions() throws {
    XCTAssertEqual(
      try run(
        """
        with np.printoptions(precision=2, suppress=True) as opts:
            inside = repr(np.array([1e-5, 3.14159]))
        inside
        opts['precision'], opts['suppress']
        repr(np.array([1e-5, 3.14159]))
        np.get_printoptions()['precision']
        """),
      ["array([0.  , 3.14])", "(2, True)", "array([1.00000e-05, 3.14159e+00])", "8"])
    XCTAssertEqual(
      try run(
        """
        try:
            with np.printoptions(precision=1):
                raise KeyError('x')
        except KeyError:
            pass
        np.get_printoptions()['precision']
        """),
      ["8"])
    XCTAssertThrowsError(try run("with np.printoptions(precision=-1):\n    pass")) {
      XCTAssertEqual(($0 as? PyError)?.message, "precision must be >= 0")
    }
  }
}
