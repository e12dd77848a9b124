import DataFiles
import Language
import Library
import Support
import Tensors
import XCTest

/// Pictures of the lesson's image set, drawn as the lesson draws them.
final class MatplotlibCifarTests: XCTestCase {
  private static let names = ["cat", "coffee cup", "space"]

  /// The first `count` images of mini_cifar.h5 as uint8 and their labels.
  private func images(_ count: Int) throws -> (NDArray, [Int64]) {
    let path = String(describing: #filePath).split(separator: "/").dropLast(3)
      .joined(separator: "/")
    let file = try HDF5File("/" + path + "/../shared/data/mini_cifar.h5")
    defer { try? file.close() }
    let x = try file.root.dataset("x").read([.slice(start: 0, stop: count, step: nil)])
    let y = try file.root.dataset("y").read([.slice(start: 0, stop: count, step: nil)])
    return (try x.asArray("x"), try y.asArray("y").values(as: Int64.self))
  }

  /// `subplots(1, 6)`, one image a panel with its class as title.
  private func drawRow(depth: Console.ColorDepth) throws -> String {
    let (x, y) = try images(6)
    let pixels = x.values(as: UInt8.self)
    let plt = try PlotHarness.module("matplotlib.pyplot")
    return try PlotHarness.capture(width: 80, depth: depth) {
      let result = try PlotHarness.call(
        plt, "subplots", [.int(1), .int(6)], [("figsize", .tuple([.int(12), .int(2)]))])
      let axes = try XCTUnwrap(result.object(as: PyTuple.self)?.items[1].object(as: PyObject.self))
      for k in 0..<6 {
        let image = try NDArray(Array(pixels[k * 3072..<(k + 1) * 3072]), shape: [32, 32, 3])
        let panel = try XCTUnwrap(axes.item(.int(k)).object(as: PyObject.self))
        try PlotHarness.call(panel, "imshow", [Value(array: image)])
        try PlotHarness.call(panel, "set_title", [.string(Self.names[Int(y[k])])])
        try PlotHarness.call(panel, "axis", [.string("off")])
      }
      try PlotHarness.call(plt, "show")
    }
  }

  func testRowOfLessonImagesWithoutColour() throws {
    // Each 32x32 picture shrinks to 11x11 pixels (6 rows of half-blocks'
    // worth), shaded from ' ' (dark) to '@' (bright).
    XCTAssertEqual(
      try drawRow(depth: .none),
      """
         space     coffee cup   coffee cup      space         cat      coffee cup
      ==-+##***+:  -:-:=******  +===+++++++           =*  ===---=====  -::+##*****
      **:=###**+.  -::.::.....  ==++++++++*  -    .:.:=-  --====-===+  --::::==++=
      ##*#####**-  -:.:+-       =+++==+++++  -:===--...-  ----=======  :...::.....
      #+:-+###+:.  -:.-==       ++++===++++   ......:-==  ===+==+====  .. :-.    .
      -: :-=##:.:  --:..        +++===+++++  =--+====+++  ===+++++===  :. ..
        .++:+=..+   .--::.. ..  ====+++=+++  +==-==+=+++  .::..-===--  ::..

      """)
  }

  func testRowOfLessonImagesInTrueColour() throws {
    let lines = try drawRow(depth: .trueColor).split(separator: "\n")
    XCTAssertEqual(lines.count, 7)
    for line in lines.dropFirst() {
      XCTAssertEqual(line.filter { $0 == "▀" }.count, 66)
      XCTAssertEqual(visibleColumns(line), 76)
    }
  }

  private func visibleColumns(_ line: Substring) -> Int {
    var count = 0
    var escaped = false
    for character in line {
      if character == "\u{1B}" {
        escaped = true
      } else if escaped {
        if character == "m" { escaped = false }
      } else {
        count += 1
      }
    }
    return count
  }
}
