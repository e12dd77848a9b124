import Language
import Library
import Support
import XCTest

/// Histograms, bars, contours and texts drawn in the terminal, with the
/// counts NumPy 2.4 and the levels matplotlib 3.11 compute for the same
/// calls.
final class MatplotlibMarksTests: XCTestCase {
  /// Runs a program; returns the values of its expression statements and
  /// the text of the figures it left open.
  private func run(
    _ source: String, width: Int = 60, depth: Console.ColorDepth = .none
  ) throws -> (values: [String], text: String) {
    let interpreter = Interpreter(modules: BuiltinModules())
    var values: [String] = []
    let text = try PlotHarness.capture(width: width, depth: depth) {
      values = try interpreter.run(
        "import numpy as np\nimport matplotlib.pyplot as plt\n" + source,
        origin: SourceOrigin(file: "<cell>"), display: .interactive
      ).map { try $0.repr() }
      PendingFigures.flush()
    }
    return (values, text)
  }

  private func lines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// matplotlib takes a range for bar positions and leaves NaN out of a
  /// histogram (counts from np.histogram of the rest).
  func testBarTakesARangeAndHistDropsNaN() throws {
    let result = try run(
      "plt.bar(range(3), [1, 2, 3]) is not None\n"
        + "plt.hist([1.0, float('nan'), 2.0, 2.0], bins=2)[0]\n"
        + "plt.hist([1.0, float('nan'), 2.0], bins=2, weights=[1, 5, 2])[0]")
    XCTAssertEqual(result.values, ["True", "array([1., 2.])", "array([1., 2.])"])
  }

  func testNumPyHistogramMatchesNumPy() throws {
    let cases: [(String, String)] = [
      ("np.histogram(np.linspace(0, 1, 37)**2, bins=6)[0]", "array([15,  6,  5,  4,  3,  4])"),
      // 0.3, 0.6 and 0.7 sit a rounding error from an edge.
      (
        "np.histogram(np.arange(0, 1.01, 0.1), bins=10)[0]",
        "array([1, 1, 1, 1, 1, 1, 1, 1, 1, 2])"
      ),
      (
        "np.histogram(np.arange(0, 1.01, 0.1), bins=[0, 0.25, 0.5, 1.0])",
        "(array([3, 2, 6]), array([0.  , 0.25, 0.5 , 1.  ]))"
      ),
      (
        "np.histogram([1, 2, 2, 3, 3, 3], bins=3, range=(0, 6), density=True)",
        "(array([0.08333333, 0.41666667, 0.        ]), array([0., 2., 4., 6.]))"
      ),
      ("np.histogram([1, 2, 2, 3, 3, 3, 10], bins=4, range=(0, 4))[0]", "array([0, 1, 2, 3])"),
      ("np.histogram([5, 5, 5], bins=2)", "(array([0, 3]), array([4.5, 5. , 5.5]))"),
      (
        "np.histogram([0.1, 0.2], bins=3, weights=[2.0, 0.5])",
        "(array([2. , 0. , 0.5]), array([0.1       , 0.13333333, 0.16666667, 0.2       ]))"
      ),
    ]
    for (call, expected) in cases {
      XCTAssertEqual(try run(call).values, [expected], call)
    }
    XCTAssertThrowsError(try run("np.histogram([1.0, np.nan])")) {
      XCTAssertEqual(($0 as? PyError)?.message, "autodetected range of [nan, nan] is not finite")
    }
    XCTAssertThrowsError(try run("np.histogram([-1e308, 1e308], bins=2)")) {
      XCTAssertEqual(
        ($0 as? PyError)?.message,
        "Too many bins for data range. Cannot create 2 finite-sized bins.")
    }
    XCTAssertThrowsError(try run("np.histogram([1.0, 2.0], bins=[2, 1])")) {
      XCTAssertEqual(
        ($0 as? PyError)?.message, "`bins` must increase monotonically, when an array")
    }
  }

  func testHistogramFillsTheCellsOfItsCounts() throws {
    // np.histogram([0,1,1,2,2,2,3,3,3,3], bins=4) counts 1, 2, 3, 4 over
    // edges 0, .75, 1.5, 2.25, 3: two columns a bin, two rows a count.
    let (values, text) = try run(
      """
      _ = plt.figure(figsize=(0.8, 1.6))
      n, bins, patches = plt.hist([0, 1, 1, 2, 2, 2, 3, 3, 3, 3], bins=4)
      _ = plt.xlim(0, 3)
      _ = plt.ylim(0, 4)
      plt.axis('off')
      n, bins, patches
      """)
    XCTAssertEqual(
      values,
      [
        "(array([1., 2., 3., 4.]), array([0.  , 0.75, 1.5 , 2.25, 3.  ]),"
          + " <BarContainer object of 4 artists>)"
      ])
    XCTAssertEqual(
      Array(lines(text).prefix(8)),
      [
        "      ██", "      ██", "    ████", "    ████", "  ██████", "  ██████", "████████",
        "████████",
      ])
  }

  func testHistogramOnDefaultAxesStartsAtZero() throws {
    // matplotlib's limits for this histogram: x -0.45..9.45 (up to
    // rounding), y 0..1.05, with no margin under the bars' baseline.
    let (values, text) = try run(
      """
      n, b, p = plt.hist(np.arange(10))
      plt.gca().get_ylim()
      [round(float(v), 9) for v in plt.gca().get_xlim()]
      n.sum()
      """)
    XCTAssertEqual(
      values, ["(np.float64(0.0), np.float64(1.05))", "[-0.45, 9.45]", "np.float64(10.0)"])
    let rows = lines(text)
    let bottom = try XCTUnwrap(rows.firstIndex { $0.contains("└") }, text)
    // Every bin holds one value: the row above the frame is filled across
    // the bars, with no blank column between them.
    XCTAssertTrue(rows[bottom - 1].contains(String(repeating: "█", count: 40)), text)
  }

  func testBarHeightsInEighthsOfACell() throws {
    let (values, text) = try run(
      """
      _ = plt.figure(figsize=(0.9, 1.2))
      plt.bar(['a', 'b', 'c'], [3, 1.25, 2], width=0.5)
      _ = plt.xlim(-0.5, 2.5)
      _ = plt.ylim(0, 3)
      plt.axis('off')
      """)
    XCTAssertEqual(values, ["<BarContainer object of 3 artists>"])
    // Six rows of half a unit: 1.25 fills two and a half rows.
    XCTAssertEqual(
      Array(lines(text).prefix(6)), [" █", " █", " █     █", " █  ▄  █", " █  █  █", " █  █  █"])
  }

  func testNamedBarsWithANegativeOneAndALegend() throws {
    // matplotlib's limits: x -0.54..2.54, y -1.2..3.2.
    let (_, text) = try run(
      """
      _ = plt.figure(figsize=(4, 1.6))
      _ = plt.bar(['a', 'b', 'c'], [3, -1, 2], label='v')
      _ = plt.legend()
      """)
    XCTAssertEqual(
      Array(lines(text).prefix(9)),
      [
        "  ┌" + String(repeating: "─", count: 36) + "┐",
        "  │  ▇▇▇▇▇▇▇▇▇                         │",
        "  │  █████████              ▇▇▇▇▇▇▇▇▇  │",
        "0 ┤  █████████  ▁▁▁▁▁▁▁▁▁▁  █████████  │",
        "  │             ██████████             │",
        "  └──────┬──────────┬───────────┬──────┘",
        "         a          b           c",
        "   █ v",
        "",
      ])
  }

  func testBarsTakeTheSeriesColour() throws {
    let (_, text) = try run("_ = plt.bar([1, 2], [1, 2])", depth: .trueColor)
    // matplotlib's first colour, C0.
    XCTAssertTrue(text.contains("\u{1B}[38;2;31;119;180;49m█"), text)
  }

  func testContourfFillsTheBandsBetweenLevels() throws {
    let (values, text) = try run(
      """
      x = np.linspace(0, 1, 11)
      X, Y = np.meshgrid(x, x)
      _ = plt.figure(figsize=(1.0, 1.2))
      cs = plt.contourf(X, Y, X, levels=[0, 0.5, 1])
      plt.axis('off')
      cs.levels
      """)
    XCTAssertEqual(values, ["array([0. , 0.5, 1. ])"])
    // Columns centred at x <= 0.5 are in the lower band, left blank.
    XCTAssertEqual(Array(lines(text).prefix(6)), Array(repeating: "     @@@@@", count: 6))
  }

  func testContourLinesFollowTheirLevel() throws {
    let (_, text) = try run(
      """
      x = np.linspace(0, 1, 11)
      X, Y = np.meshgrid(x, x)
      _ = plt.figure(figsize=(1.0, 1.2))
      _ = plt.contour(X, Y, X, levels=[0.5])
      plt.axis('off')
      """)
    // The dots left of x = 0.5: the right-hand dot column of cell 4.
    XCTAssertEqual(Array(lines(text).prefix(6)), Array(repeating: "    ⢸", count: 6))
  }

  func testContourLevelsMatchMatplotlib() throws {
    let cases: [(low: String, high: String, filled: String, lines: String, three: String)] = [
      (
        "0", "8", "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]",
        "[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]", "[0.0, 2.0, 4.0, 6.0, 8.0]"
      ),
      (
        "0.13", "0.97",
        "[0.0, 0.15000000000000002, 0.30000000000000004, 0.45000000000000007,"
          + " 0.6000000000000001, 0.7500000000000001, 0.9000000000000001, 1.0500000000000003]",
        "[0.0, 0.15000000000000002, 0.30000000000000004, 0.45000000000000007,"
          + " 0.6000000000000001, 0.7500000000000001, 0.9000000000000001, 1.0500000000000003]",
        "[0.0, 0.25, 0.5, 0.75, 1.0]"
      ),
      (
        "-3.2", "41.7", "[-6.0, 0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0, 42.0]",
        "[-6.0, 0.0, 6.0, 12.0, 18.0, 24.0, 30.0, 36.0, 42.0]", "[-15.0, 0.0, 15.0, 30.0, 45.0]"
      ),
      (
        "-1", "1", "[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0]",
        "[-1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0]", "[-1.0, -0.5, 0.0, 0.5, 1.0]"
      ),
      (
        "0", "1e-05",
        "[0.0, 1.5e-06, 3e-06, 4.5e-06, 6e-06, 7.5e-06, 9e-06, 1.0500000000000001e-05]",
        "[0.0, 1.5e-06, 3e-06, 4.5e-06, 6e-06, 7.5e-06, 9e-06, 1.0500000000000001e-05]",
        "[0.0, 3e-06, 6e-06, 9e-06, 1.2e-05]"
      ),
    ]
    for c in cases {
      let (values, _) = try run(
        """
        Z = np.array([[\(c.low), \(c.high)], [\(c.high), \(c.low)]])
        plt.contourf(Z).levels.tolist()
        plt.contour(Z).levels.tolist()
        plt.contour(Z, 3).levels.tolist()
        """)
      XCTAssertEqual(values, [c.filled, c.lines, c.three], "\(c.low)...\(c.high)")
    }
  }

  func testTextAndAnnotationsSitAtTheirPoints() throws {
    let (values, text) = try run(
      """
      _ = plt.figure(figsize=(1.0, 1.2))
      plt.text(2, 9, 'hi')
      plt.text(5, 1, 'mid', ha='center')
      plt.annotate('pk', xy=(8, 5), xytext=(2, 5), arrowprops={})
      _ = plt.xlim(0, 10)
      _ = plt.ylim(0, 10)
      plt.axis('off')
      """)
    XCTAssertEqual(values, ["Text(2, 9, 'hi')", "Text(5, 1, 'mid')", "Text(2, 5, 'pk')"])
    // Ten columns and six rows over 0..10: the arrow runs along the top
    // dots of row 3 from x = 2 to x = 8.
    XCTAssertEqual(Array(lines(text).prefix(6)), ["  hi", "", "", "  pk⠉⠉⠉⠉⠁", "", "    mid"])
  }

  func testAnnotationsOverAnImageKeepTheImage() throws {
    let (_, text) = try run(
      """
      _ = plt.imshow([[0, 1], [1, 0]], cmap='gray')
      for i in range(2):
          for j in range(2):
              _ = plt.text(j, i, str(i + j), ha='center')
      """)
    XCTAssertTrue(text.contains("@"), text)
    XCTAssertTrue(text.contains("0") && text.contains("2"), text)
  }

  func testBadMarksRaisePythonErrors() throws {
    let cases: [(String, String)] = [
      ("plt.bar([1, 2, 3], [1, 2])", "ValueError"),
      ("plt.contour([1, 2, 3])", "TypeError"),
      ("plt.contourf([[1, 2], [3, 4]], levels=[2, 1])", "ValueError"),
      ("plt.hist([1, 2], bins='auto')", "ValueError"),
      ("plt.hist([1, 2], bins=0)", "ValueError"),
      ("plt.hist([-1e308, 1e308])", "ValueError"),
      ("plt.text(0, 0, 'a', colr='r')", "AttributeError"),
      ("plt.annotate('a', xy=(0, 0), xycoords='axes fraction')", "ValueError"),
    ]
    for (call, error) in cases {
      XCTAssertThrowsError(try run(call), call) {
        XCTAssertEqual(($0 as? PyError)?.type.name, error, call)
      }
    }
  }

  func testExtremeValuesDrawWithoutTrapping() throws {
    let programs = [
      "_ = plt.bar([1e300, -1e300], [1e300, 1])",
      "_ = plt.bar([np.nan, 1], [1, np.inf])",
      "_ = plt.contourf([[0, 1e308], [-1e308, 0]])",
      "_ = plt.contour([[0, np.nan], [np.inf, 1]])",
      "_ = plt.text(1e308, -1e308, 'far')\n_ = plt.text(np.nan, 0, 'nan')",
      "_ = plt.annotate('a', xy=(0, 0), xytext=(1e300, 1), arrowprops={})",
      "_ = plt.hist([np.nan, 1, 2], range=(0, 3))",
    ]
    for program in programs {
      for depth in [Console.ColorDepth.none, .trueColor] {
        XCTAssertNoThrow(try run(program, depth: depth), program)
      }
    }
  }

  func testFilledBandsTakeTheColourMap() throws {
    let (_, text) = try run(
      """
      x = np.linspace(0, 1, 11)
      X, Y = np.meshgrid(x, x)
      _ = plt.figure(figsize=(1.0, 1.2))
      _ = plt.contourf(X, Y, X, levels=[0, 0.5, 1])
      plt.axis('off')
      """, depth: .trueColor)
    // Two bands take the ends of viridis, as matplotlib colours them.
    XCTAssertTrue(text.contains("48;2;68;1;84m"), text)
    XCTAssertTrue(text.contains("48;2;253;231;37m"), text)
  }
}
