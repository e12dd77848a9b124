import Support
import TerminalGraphics
import XCTest

final class RenderingInvariantTests: XCTestCase {
  private func charts() -> [(String, Chart)] {
    var scatter = Chart()
    scatter.scatters = Fixtures.classSeries()
    scatter.showsLegend = true
    scatter.title = "a title much longer than the narrowest widths we try here"
    var boundary = scatter
    boundary.regions = Fixtures.regions()
    var lines = Chart()
    lines.lines = Fixtures.trainingCurves()
    lines.showsLegend = true
    lines.showsGrid = true
    lines.xLabel = "epoch"
    lines.yLabel = "loss"
    var image = Chart()
    image.image = Fixtures.picture()
    image.title = "airplane"
    var odd = Chart()
    odd.lines = [
      LineSeries(
        x: [0, 1, 2, 3], y: [.nan, 1e300, -1e300, .infinity], label: "odd", color: nil,
        glyph: "*")
    ]
    odd.scatters = [ScatterSeries(x: [5], y: [5], color: nil, glyph: "o")]
    odd.xLimits = 3...3
    var far = Chart()
    far.scatters = [ScatterSeries(x: [1e30, 1e30 + 1e16], y: [-1e30, 1], color: nil, glyph: "o")]
    return [
      ("far", far),
      ("scatter", scatter), ("boundary", boundary), ("lines", lines), ("image", image),
      ("odd", odd), ("empty", Chart()),
    ]
  }

  private func boundary() -> Chart {
    charts().first { $0.0 == "boundary" }?.1 ?? Chart()
  }

  func testNoLineIsWiderThanTheWidthAsked() {
    for (name, chart) in charts() {
      for width in [1, 4, 10, 20, 33, 60, 80, 132] {
        for depth in [Console.ColorDepth.none, .palette256, .trueColor] {
          var figure = Figure(rows: 1, columns: 2)
          figure.panels = [chart, chart]
          let text = FigureRenderer.render(figure, width: width, colorDepth: depth)
          for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(visibleWidth(line), width, "\(name) at \(width)")
          }
          if depth == .none {
            XCTAssertFalse(text.contains("\u{1B}"), "\(name) at \(width) has escape codes")
          }
        }
      }
    }
  }

  func testEveryColouredLineEndsInTheDefaultColours() {
    let text = FigureRenderer.render(
      Figure(boundary()), width: 60, colorDepth: .trueColor)
    for line in text.split(separator: "\n") where line.contains("\u{1B}") {
      let last = line.split(separator: "\u{1B}").last ?? ""
      XCTAssertTrue(last.hasPrefix("[0m") || last.hasPrefix("[39;49m"), String(line))
    }
  }

  func testPaletteModeUsesOnlyPaletteIndices() {
    let text = FigureRenderer.render(Figure(boundary()), width: 60, colorDepth: .palette256)
    XCTAssertFalse(text.contains(";2;"))
    // The muted red and blue regions keep their hue: cube entries 52 and 17.
    XCTAssertTrue(text.contains("48;5;52m"))
    XCTAssertTrue(text.contains("48;5;17m"))
  }

  func testColormapsAtTheirEnds() {
    XCTAssertEqual(Colormap.gray.color(0), RGB(0, 0, 0))
    XCTAssertEqual(Colormap.gray.color(1), RGB(255, 255, 255))
    XCTAssertEqual(Colormap.gray.color(0.5), RGB(128, 128, 128))
    XCTAssertEqual(Colormap.viridis.color(0), RGB(68, 1, 84))
    XCTAssertEqual(Colormap.viridis.color(1), RGB(253, 231, 37))
    XCTAssertEqual(Colormap.viridis.color(.nan), RGB(68, 1, 84))
  }

  func testFigureSizeShrinksToTheConsoleKeepingItsShape() {
    var chart = Chart()
    chart.lines = [Fixtures.trainingCurves()[0]]
    let wide = Figure(chart, width: 150, height: 15)
    let grid = FigureRenderer.grid(wide, width: 80, colorDepth: .none)
    XCTAssertEqual(grid.width, 80)
    XCTAssertEqual(grid.height, 8)
    let standard = FigureRenderer.grid(Figure(chart), width: 200, colorDepth: .none)
    XCTAssertEqual(standard.width, 64)
    XCTAssertEqual(standard.height, 24)
  }

  func testSharedCellShowsTheClassWithMostPoints() {
    var chart = Chart()
    chart.showsAxes = false
    chart.scatters = [
      ScatterSeries(x: [0, 0, 0, 10], y: [0, 0, 0, 10], color: nil, glyph: "o"),
      ScatterSeries(x: [0, 10, 10], y: [0, 10, 10], color: nil, glyph: "x"),
    ]
    let text = FigureRenderer.render(
      Figure(chart, width: 20, height: 6), width: 20, colorDepth: .none)
    XCTAssertEqual(text.filter { $0 == "o" }.count, 1)
    XCTAssertEqual(text.filter { $0 == "x" }.count, 1)
    // Three o's against one x at the origin (bottom left); two x's against
    // one o at (10, 10) (top right).
    let lines = text.split(separator: "\n")
    XCTAssertEqual(lines.last, "o")
    XCTAssertEqual(lines.first?.last, "x")
  }
}
