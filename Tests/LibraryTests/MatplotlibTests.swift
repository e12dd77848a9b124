import Language
import Library
import Support
import Tensors
import XCTest

final class MatplotlibTests: XCTestCase {
  private func pyplot() throws -> PyModule { try PlotHarness.module("matplotlib.pyplot") }

  func testTrainingCurvesFromListsWithLegend() throws {
    let plt = try pyplot()
    let text = try PlotHarness.capture(width: 50) {
      let loss: [Value] = [0.9, 0.6, 0.45, 0.4, 0.38].map(Value.float)
      let validation: [Value] = [0.95, 0.7, 0.6, 0.62, 0.66].map(Value.float)
      try PlotHarness.call(plt, "plot", [.list(loss)], [("label", .string("loss"))])
      try PlotHarness.call(plt, "plot", [.list(validation)], [("label", .string("val_loss"))])
      try PlotHarness.call(plt, "title", [.string("loss")])
      try PlotHarness.call(plt, "legend")
      try PlotHarness.call(plt, "show")
    }
    XCTAssertEqual(
      text,
      """
                               loss
          ┌────────────────────────────────────────────┐
          │  oo                                        │
          │  **oo                                      │
          │    **oo                                    │
      0.8 ┤      * oo                                  │
          │       ** oo                                │
          │         ** ooooo                           │
          │           *     ooooo                    o │
      0.6 ┤            ****      oooooooooooooooooooo  │
          │                ***                         │
          │                   ***                      │
          │                      **********            │
      0.4 ┤                                **********  │
          │                                          * │
          └──┬───────────────────┬───────────────────┬─┘
             0                   2                   4
           ** loss   oo val_loss

      """)
  }

  func testShowClosesTheFigureAndFlushDrawsWhatIsLeft() throws {
    let plt = try pyplot()
    let shown = try PlotHarness.capture {
      try PlotHarness.call(plt, "plot", [.list([.int(1), .int(2)])])
      try PlotHarness.call(plt, "show")
      PendingFigures.flush()
    }
    XCTAssertEqual(shown.filter { $0 == "┌" }.count, 1)

    let flushed = try PlotHarness.capture {
      try PlotHarness.call(
        plt, "scatter", [.list([.int(1), .int(2)]), .list([.int(3), .int(4)])])
      PendingFigures.flush()
      PendingFigures.flush()
    }
    XCTAssertEqual(flushed.filter { $0 == "┌" }.count, 1)
    XCTAssertEqual(flushed.filter { $0 == "o" }.count, 2)

    let empty = try PlotHarness.capture {
      try PlotHarness.call(plt, "figure", [], [("figsize", .tuple([.int(3), .int(2)]))])
      PendingFigures.flush()
    }
    XCTAssertEqual(empty, "")
  }

  func testRowOfImagesFromSubplots() throws {
    let plt = try pyplot()
    let text = try PlotHarness.capture(width: 80) {
      let result = try PlotHarness.call(
        plt, "subplots", [.int(1), .int(3)], [("figsize", .tuple([.int(6), .int(2)]))])
      let parts = try XCTUnwrap(result.object(as: PyTuple.self)).items
      let axes = try XCTUnwrap(parts[1].object(as: PyObject.self))
      XCTAssertEqual(try axes.length(), 3)
      for index in 0..<3 {
        // A 4x4 image: dark on the left, bright on the right, as uint8.
        let pixels = (0..<48).map { UInt8(($0 / 3 % 4) * 80) }
        let image = Value(array: try NDArray(pixels, shape: [4, 4, 3]))
        let panel = try XCTUnwrap(axes.item(.int(index)).object(as: PyObject.self))
        try PlotHarness.call(panel, "imshow", [image])
        try PlotHarness.call(panel, "set_title", [.string(["cat", "dog", "a long title"][index])])
        try PlotHarness.call(panel, "axis", [.string("off")])
      }
      try PlotHarness.call(plt, "show")
    }
    XCTAssertEqual(
      text,
      """
             cat                 dog             a long title
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@
           ----*****@@@@       ----*****@@@@       ----*****@@@@

      """)
  }

  func testGrayscaleImageInTrueColour() throws {
    let plt = try pyplot()
    let text = try PlotHarness.capture(width: 80, depth: .trueColor) {
      let image = try PlotHarness.array([0, 1, 2, 3] as [Double], [2, 2])
      try PlotHarness.call(plt, "imshow", [image], [("cmap", .string("gray"))])
      PendingFigures.flush()
    }
    // Upscaled 16 times to 32x32: the top half-rows hold 0 and 1/3 of
    // the range (black, gray 85), the bottom ones 2/3 and 1 (170, white).
    let lines = text.split(separator: "\n")
    XCTAssertEqual(lines.count, 16)
    let black = "\u{1B}[38;2;0;0;0;48;2;0;0;0m" + String(repeating: "▀", count: 16)
    let gray = "\u{1B}[38;2;85;85;85;48;2;85;85;85m" + String(repeating: "▀", count: 16)
    XCTAssertEqual(String(lines[0]), black + gray + "\u{1B}[0m")
    XCTAssertTrue(lines[8].hasPrefix("\u{1B}[38;2;170;170;170;48;2;170;170;170m▀"))
  }

  func testFormatStringsAndErrors() throws {
    let plt = try pyplot()
    _ = try PlotHarness.capture {
      let y = Value.list([.int(1), .int(3), .int(2)])
      try PlotHarness.call(plt, "plot", [y, .string("r-")])
      try PlotHarness.call(plt, "plot", [y, .string("bo")])
      XCTAssertThrowsError(try PlotHarness.call(plt, "plot", [y, .string("q")])) { error in
        XCTAssertEqual(
          (error as? PyError)?.message, "Unrecognized character q in format string 'q'")
      }
      XCTAssertThrowsError(try PlotHarness.call(plt, "subplot", [.int(2), .int(2), .int(5)])) {
        error in
        XCTAssertEqual(
          (error as? PyError)?.message, "num must be an integer with 1 <= num <= 4, not 5")
      }
      XCTAssertThrowsError(
        try PlotHarness.call(plt, "imshow", [try PlotHarness.array([1, 2, 3] as [Double], [3])])
      ) { error in
        XCTAssertEqual((error as? PyError)?.message, "Invalid shape (3,) for image data")
      }
      for name in ["tight_layout", "colorbar", "xticks"] {
        XCTAssertNoThrow(try PlotHarness.call(plt, name))
      }
    }
  }

  func testCallsReturnWhatJupyterShows() throws {
    let plt = try pyplot()
    _ = try PlotHarness.capture {
      let figure = try PlotHarness.call(
        plt, "figure", [], [("figsize", .tuple([.int(10), .int(5)]))])
      XCTAssertEqual(try figure.repr(), "<Figure size 1000x500 with 0 Axes>")
      let title = try PlotHarness.call(plt, "title", [.string("loss")])
      XCTAssertEqual(try title.repr(), "Text(0.5, 1.0, 'loss')")
      let label = try PlotHarness.call(plt, "xlabel", [.string("epoch")])
      XCTAssertEqual(try label.repr(), "Text(0.5, 0, 'epoch')")
      let lines = try PlotHarness.call(plt, "plot", [.list([.int(1), .int(2)])])
      XCTAssertTrue(try lines.repr().hasPrefix("[<matplotlib.lines.Line2D at 0x"))
    }
  }

  func testScatterWithAxisOffAndManyColours() throws {
    let plt = try pyplot()
    let text = try PlotHarness.capture(width: 30) {
      let values: [Value] = (0..<12).map { .float(Double($0)) }
      try PlotHarness.call(plt, "figure", [], [("figsize", .tuple([.int(3), .float(1.6)]))])
      try PlotHarness.call(plt, "scatter", [.list(values), .list(values)], [("c", .list(values))])
      try PlotHarness.call(plt, "axis", [.string("off")])
      try PlotHarness.call(plt, "show")
    }
    // Twelve distinct values are a colour scale, not classes: one glyph,
    // no legend, no frame.
    XCTAssertEqual(
      text,
      """
                                  o
                             o  o
                           o
                      o o
                 o o
              o
         o  o
       o

      """)
  }

  func testReversedGrayRunsFromWhiteToBlack() throws {
    let plt = try pyplot()
    let text = try PlotHarness.capture(width: 80) {
      let image = try PlotHarness.array([0, 1] as [Double], [1, 2])
      try PlotHarness.call(plt, "imshow", [image], [("cmap", .string("Greys"))])
      PendingFigures.flush()
    }
    // Enlarged 16 times to 32x16 pixels: 8 rows of 16 '@' (white); the
    // black half is blank and trimmed.
    XCTAssertEqual(text, String(repeating: String(repeating: "@", count: 16) + "\n", count: 8))
  }

  func testSavefigWritesThePlainPictureAndFailsClearly() throws {
    let plt = try pyplot()
    let path = "/tmp/mlscript-savefig-\(getpid()).txt"
    let shown = try PlotHarness.capture(width: 40) {
      try PlotHarness.call(plt, "plot", [.list([.int(1), .int(2)])])
      try PlotHarness.call(plt, "savefig", [.string(path)])
      XCTAssertThrowsError(try PlotHarness.call(plt, "savefig", [.string("/")])) { error in
        XCTAssertEqual((error as? PyError)?.message, "cannot open '/' for writing")
      }
      try PlotHarness.call(plt, "show")
    }
    guard let handle = fopen(path, "r") else { return XCTFail("savefig wrote no file") }
    var bytes: [UInt8] = []
    while case let byte = fgetc(handle), byte != EOF { bytes.append(UInt8(byte)) }
    fclose(handle)
    remove(path)
    XCTAssertEqual(String(decoding: bytes, as: UTF8.self), shown)
  }
}
