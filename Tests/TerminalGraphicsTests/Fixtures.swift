import Support
import TerminalGraphics
import XCTest

/// Fixed data for the rendering tests: two interleaved half moons with a
/// deterministic wobble in place of noise, a curved classifier, a
/// training curve and small pictures.
enum Fixtures {
  /// 40 points of two classes shaped like scikit-learn's moons.
  static let moons: (x: [Double], y: [Double], labels: [Int]) = {
    var x: [Double] = []
    var y: [Double] = []
    var labels: [Int] = []
    for index in 0..<40 {
      let t = Double(index % 20) / 19 * Double.pi
      let wobble = 0.08 * Double((index * 7) % 5 - 2)
      if index < 20 {
        x.append(cos(t) + wobble)
        y.append(sin(t) - wobble)
        labels.append(0)
      } else {
        x.append(1 - cos(t) - wobble)
        y.append(0.5 - sin(t) + wobble)
        labels.append(1)
      }
    }
    return (x, y, labels)
  }()

  /// The moons split into one scatter series per class, as plot_2Ddata
  /// draws them.
  static func classSeries() -> [ScatterSeries] {
    (0..<2).map { label in
      let indices = moons.labels.indices.filter { moons.labels[$0] == label }
      return ScatterSeries(
        x: indices.map { moons.x[$0] }, y: indices.map { moons.y[$0] },
        label: "class \(label)", color: Palette.classColor(label),
        glyph: Palette.classGlyph(label))
    }
  }

  /// A classifier whose boundary is the curve y = 0.25 - 0.5 sin(x),
  /// evaluated on a 200x200 grid over the moons widened by 20%.
  static func regions() -> RegionMap {
    let xRange = -1.2...2.4
    let yRange = -0.6...1.2
    let count = 200
    var classes: [Int] = []
    for row in 0..<count {
      let y = yRange.lowerBound + Double(row) / Double(count - 1) * 1.8
      for column in 0..<count {
        let x = xRange.lowerBound + Double(column) / Double(count - 1) * 3.6
        classes.append(y > 0.25 - 0.5 * sin(x) ? 0 : 1)
      }
    }
    return RegionMap(
      columns: count, rows: count, classes: classes, xRange: xRange, yRange: yRange)
  }

  /// A falling training loss and a validation loss that turns up.
  static func trainingCurves() -> [LineSeries] {
    let epochs = (0..<20).map(Double.init)
    let loss = epochs.map { 0.7 * exp(-$0 / 6) + 0.1 }
    let validation = epochs.map { 0.6 * exp(-$0 / 5) + 0.15 + 0.004 * $0 * $0 / 4 }
    return [
      LineSeries(
        x: epochs, y: loss, label: "loss", color: Palette.seriesColor(0),
        glyph: Palette.seriesGlyph(0)),
      LineSeries(
        x: epochs, y: validation, label: "val_loss", color: Palette.seriesColor(1),
        glyph: Palette.seriesGlyph(1)),
    ]
  }

  /// A 32x32 picture: a sky gradient, a green hill and a red sun.
  static func picture() -> RasterImage {
    var pixels: [RGB] = []
    for y in 0..<32 {
      for x in 0..<32 {
        let dx = Double(x - 22)
        let dy = Double(y - 9)
        if dx * dx + dy * dy < 25 {
          pixels.append(RGB(230, 60, 40))
        } else if Double(y) > 22 - 6 * sin(Double(x) / 10) {
          pixels.append(RGB(40, UInt8(120 + y * 2), 50))
        } else {
          pixels.append(RGB(UInt8(90 + y * 3), UInt8(140 + y * 2), 235))
        }
      }
    }
    return RasterImage(width: 32, height: 32, pixels: pixels)
  }

  /// An 8x8 diagonal ramp through a colour map.
  static func ramp(_ map: Colormap) -> RasterImage {
    let pixels = (0..<64).map { map.color(Double($0 % 8 + $0 / 8) / 14) }
    return RasterImage(width: 8, height: 8, pixels: pixels)
  }
}

/// Compares text with a checked-in file under `Golden/`; set
/// `MLSCRIPT_UPDATE_GOLDEN=1` to write the files instead.
func assertGolden(
  _ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let directory = String(describing: file).split(separator: "/").dropLast()
    .joined(separator: "/")
  let path = "/" + directory + "/Golden/" + name + ".txt"
  if Console.processEnvironment()["MLSCRIPT_UPDATE_GOLDEN"] == "1" {
    let handle = fopen(path, "w")
    fputs(text, handle)
    fclose(handle)
    return
  }
  guard let expected = readText(path) else {
    XCTFail("missing golden file \(path)", file: file, line: line)
    return
  }
  XCTAssertEqual(text, expected, "output differs from \(name).txt", file: file, line: line)
}

/// The contents of a text file, or nil when it cannot be read.
func readText(_ path: String) -> String? {
  guard let handle = fopen(path, "r") else { return nil }
  defer { fclose(handle) }
  var bytes: [UInt8] = []
  var buffer = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = fread(&buffer, 1, buffer.count, handle)
    if count <= 0 { break }
    bytes += buffer[0..<count]
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// The columns a rendered line takes: its characters without escape codes.
func visibleWidth(_ line: Substring) -> Int {
  var width = 0
  var inEscape = false
  for character in line {
    if inEscape {
      if character == "m" { inEscape = false }
    } else if character == "\u{1B}" {
      inEscape = true
    } else {
      width += 1
    }
  }
  return width
}
