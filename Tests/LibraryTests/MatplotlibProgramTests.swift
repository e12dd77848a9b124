import Language
import Library
import Support
import XCTest

/// Small programs using pyplot and mlutils, run by the interpreter as a
/// notebook cell runs them.
final class MatplotlibProgramTests: XCTestCase {
  private func run(_ source: String, width: Int = 50) throws -> String {
    let interpreter = Interpreter(modules: BuiltinModules())
    return try PlotHarness.capture(width: width) {
      _ = try interpreter.run(
        source, origin: SourceOrigin(file: "<cell>"), display: .cell)
      PendingFigures.flush()
    }
  }

  func testTrainingCurveCell() throws {
    let text = try run(
      """
      import matplotlib.pyplot as plt
      history = {"loss": [0.9, 0.6, 0.45, 0.4, 0.38]}
      plt.plot(history["loss"], label="loss")
      plt.title("loss")
      plt.legend()
      """)
    XCTAssertTrue(text.contains("── loss"), text)
    XCTAssertTrue(text.hasPrefix(String(repeating: " ", count: 25) + "loss\n"), text)
  }

  func testBoundaryCellCallsTheLambdaOnce() throws {
    let text = try run(
      """
      from local.lib import mlutils
      calls = []
      def predict(X):
          calls.append(1)
          return [0] * 40000
      X = [[0.0, 0.0], [1.0, 1.0], [2.0, 0.5]]
      y = [0, 1, 1]
      shares = mlutils.plot_2Ddata_with_boundary(predict, X, y)
      print(calls, len(shares))
      """)
    XCTAssertTrue(text.contains("[1] 2"), text)
    XCTAssertTrue(text.contains("o class 0   x class 1"), text)
  }

  func testAxesFromSubplotsInALoop() throws {
    let text = try run(
      """
      import matplotlib.pyplot as plt
      fig, axes = plt.subplots(1, 2, figsize=(6, 2))
      for k in range(2):
          axes[k].imshow([[0, 1], [1, 0]], cmap="gray")
          axes[k].set_title(f"panel {k}")
          axes[k].axis("off")
      plt.show()
      """, width: 80)
    XCTAssertTrue(text.contains("panel 0"), text)
    XCTAssertTrue(text.contains("panel 1"), text)
    XCTAssertTrue(text.contains("@"), text)
  }
}
