import Language
import Library
import Support
import Tensors
import XCTest

final class MLUtilsTests: XCTestCase {
  /// A linear classifier: class 1 on or below y = 0.5 - 0.4 x.
  private func linearPredict(calls: @escaping ([NDArray]) -> Void) -> Value {
    .object(
      BuiltinFunction("predict") { arguments in
        let grid = try arguments.positional[0].asNDArray()
        calls([grid])
        let values = grid.values(as: Double.self)
        let classes = stride(from: 0, to: values.count, by: 2).map {
          values[$0 + 1] <= 0.5 - 0.4 * values[$0] ? Int64(1) : 0
        }
        return Value(array: try NDArray(classes, shape: [classes.count]))
      })
  }

  func testBoundaryCallsPredictOnceOnTheCourseGrid() throws {
    let mlutils = try PlotHarness.module("local.lib.mlutils")
    var grids: [NDArray] = []
    var result = Value.none
    _ = try PlotHarness.capture {
      result = try PlotHarness.call(
        mlutils, "plot_2Ddata_with_boundary",
        [
          linearPredict { grids += $0 }, try PlotHarness.array(PlotHarness.points, [12, 2]),
          try PlotHarness.array(PlotHarness.labels, [12]),
        ])
    }

    XCTAssertEqual(grids.count, 1)
    let grid = try XCTUnwrap(grids.first)
    XCTAssertEqual(grid.shape, [40000, 2])
    XCTAssertEqual(grid.dtype, .float64)
    let values = grid.values(as: Double.self)
    // np.linspace(-1.2, 2.4, 200) and np.linspace(-0.6, 1.2, 200), meshgrid order.
    XCTAssertEqual(Array(values[0..<4]), [-1.2, -0.6, -1.1819095477386934, -0.6])
    XCTAssertEqual(Array(values[398..<402]), [2.4, -0.6, -1.2, -0.5909547738693467])
    XCTAssertEqual(Array(values[79998..<80000]), [2.4, 1.2])

    // NumPy gives (0.522, 0.478) for this classifier on this grid.
    let shares = try XCTUnwrap(result.object(as: PyTuple.self)).items
    XCTAssertEqual(shares.count, 2)
    XCTAssertEqual(try shares[0].asNDArray().values(as: Double.self), [0.522])
    XCTAssertEqual(try shares[1].asNDArray().values(as: Double.self), [0.478])
    XCTAssertEqual(try shares[0].asNDArray().shape, [])
  }

  func testBoundaryPicturePaintsRegionsUnderThePoints() throws {
    let mlutils = try PlotHarness.module("mlutils")
    let text = try PlotHarness.capture(width: 48) {
      try PlotHarness.call(
        mlutils, "plot_2Ddata_with_boundary",
        [
          linearPredict { _ in }, try PlotHarness.array(PlotHarness.points, [12, 2]),
          try PlotHarness.array(PlotHarness.labels, [12]),
        ])
      PendingFigures.flush()
    }
    XCTAssertEqual(
      text,
      """
           ┌─────────────────────────────────────────┐
           │                                         │
       1.0 ┤             o                           │
           │···                o                     │
           │······o                                  │
           │··········                               │
       0.5 ┤··············                      x    │
           │·················      o                 │
           │··o···········x······                    │
           │·························                │
       0.0 ┤·····························      x     │
           │·························o······         │
           │···················x················     │
           │······························x········· │
      -0.5 ┤·························x···············│
           └──┬──────────┬───────────┬──────────┬────┘
             -1          0           1          2
            o class 0   x class 1

      """)
  }

  func testScatterByClassWithoutColour() throws {
    let mlutils = try PlotHarness.module("mlutils")
    let text = try PlotHarness.capture(width: 40) {
      try PlotHarness.call(
        mlutils, "plot_2Ddata",
        [
          try PlotHarness.array(PlotHarness.points, [12, 2]),
          try PlotHarness.array(PlotHarness.labels, [12]),
        ])
      PendingFigures.flush()
    }
    XCTAssertFalse(text.contains("\u{1B}"))
    XCTAssertTrue(text.contains("o class 0   x class 1"))
    XCTAssertEqual(text.filter { $0 == "o" }.count, 6 + 1)
    XCTAssertEqual(text.filter { $0 == "x" }.count, 6 + 1)
  }

  func testProbabilitiesPerClassAreRefusedWithAHint() throws {
    let mlutils = try PlotHarness.module("mlutils")
    let predict = Value.object(
      BuiltinFunction("predict") { arguments in
        let rows = try arguments.positional[0].asNDArray().shape[0]
        return Value(
          array: try NDArray([Double](repeating: 0.5, count: rows * 2), shape: [rows, 2]))
      })
    XCTAssertThrowsError(
      try PlotHarness.call(
        mlutils, "plot_2Ddata_with_boundary",
        [
          predict, try PlotHarness.array(PlotHarness.points, [12, 2]),
          try PlotHarness.array(PlotHarness.labels, [12]),
        ])
    ) { error in
      XCTAssertEqual(
        (error as? PyError)?.message,
        "predict must return one class per grid point (40000 values), got shape (40000, 2);"
          + " for class probabilities use .argmax(axis=1)")
    }
    _ = try PlotHarness.capture {}
  }

  func testMismatchedLabelsAreAValueError() throws {
    let mlutils = try PlotHarness.module("mlutils")
    XCTAssertThrowsError(
      try PlotHarness.call(
        mlutils, "plot_2Ddata",
        [
          try PlotHarness.array(PlotHarness.points, [12, 2]),
          try PlotHarness.array([0, 1] as [Int64], [2]),
        ])
    ) { error in
      XCTAssertEqual(
        (error as? PyError)?.message, "X and y must have the same number of rows, got 12 and 2")
    }
  }
}
