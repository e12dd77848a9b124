import Support
import TerminalGraphics
import XCTest

final class PlotGoldenTests: XCTestCase {
  private let depths: [(String, Console.ColorDepth)] = [
    ("plain", .none), ("256", .palette256), ("24bit", .trueColor),
  ]

  private func render(_ chart: Chart, width: Int = 60, depth: Console.ColorDepth) -> String {
    FigureRenderer.render(Figure(chart), width: width, colorDepth: depth)
  }

  func testScatterByClass() {
    var chart = Chart()
    chart.scatters = Fixtures.classSeries()
    chart.showsLegend = true
    for (name, depth) in depths {
      assertGolden(render(chart, depth: depth), "scatter-\(name)")
    }
  }

  func testDecisionBoundary() {
    var chart = Chart()
    chart.regions = Fixtures.regions()
    chart.scatters = Fixtures.classSeries()
    chart.showsLegend = true
    for (name, depth) in depths {
      assertGolden(render(chart, depth: depth), "boundary-\(name)")
    }
  }

  func testTrainingCurves() {
    var chart = Chart()
    chart.lines = Fixtures.trainingCurves()
    chart.title = "model loss"
    chart.xLabel = "epoch"
    chart.yLabel = "loss"
    chart.showsLegend = true
    for (name, depth) in depths {
      assertGolden(render(chart, depth: depth), "lines-\(name)")
    }
  }

  func testSingleCurveWithGridWithoutColour() {
    var chart = Chart()
    chart.lines = [Fixtures.trainingCurves()[0]]
    chart.showsGrid = true
    assertGolden(render(chart, width: 50, depth: .none), "line-grid-plain")
  }

  func testRGBImage() {
    var chart = Chart()
    chart.image = Fixtures.picture()
    chart.title = "landscape"
    for (name, depth) in depths {
      assertGolden(render(chart, depth: depth), "image-\(name)")
    }
  }

  func testGrayscaleColormaps() {
    var figure = Figure(rows: 1, columns: 2, width: 40)
    for (index, map) in [Colormap.gray, .viridis].enumerated() {
      var chart = Chart()
      chart.image = Fixtures.ramp(map)
      chart.title = map.rawValue
      figure.panels[index] = chart
    }
    for (name, depth) in depths {
      let text = FigureRenderer.render(figure, width: 80, colorDepth: depth)
      assertGolden(text, "colormaps-\(name)")
    }
  }

  func testRowOfImagesWithTitles() {
    var figure = Figure(rows: 1, columns: 3, width: 80)
    for index in 0..<3 {
      var chart = Chart()
      chart.image = Fixtures.picture()
      chart.title = ["airplane", "automobile", "bird"][index]
      figure.panels[index] = chart
    }
    for (name, depth) in [depths[0], depths[2]] {
      let text = FigureRenderer.render(figure, width: 80, colorDepth: depth)
      assertGolden(text, "panels-\(name)")
    }
  }
}
