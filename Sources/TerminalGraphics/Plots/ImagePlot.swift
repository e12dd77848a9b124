import Support

/// Drawing pictures with half-block characters, or a shading ramp when
/// there is no colour.
enum ImagePlot {
  /// Characters from dark to bright, for pictures without colour.
  static let ramp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

  /// The image resampled to `width` x `height` pixels: each new pixel is
  /// the average of the source pixels it covers (or the nearest one when
  /// enlarging).
  static func resample(_ image: RasterImage, width: Int, height: Int) -> RasterImage {
    guard image.width > 0, image.height > 0, width > 0, height > 0 else {
      return RasterImage(width: 0, height: 0, pixels: [])
    }
    var pixels: [RGB] = []
    pixels.reserveCapacity(width * height)
    for y in 0..<height {
      let y0 = y * image.height / height
      let y1 = max(y0 + 1, (y + 1) * image.height / height)
      for x in 0..<width {
        let x0 = x * image.width / width
        let x1 = max(x0 + 1, (x + 1) * image.width / width)
        pixels.append(average(image, x: x0..<x1, y: y0..<y1))
      }
    }
    return RasterImage(width: width, height: height, pixels: pixels)
  }

  private static func average(_ image: RasterImage, x: Range<Int>, y: Range<Int>) -> RGB {
    var sums = (0, 0, 0)
    for row in y {
      for column in x {
        let pixel = image.pixel(column, row)
        sums.0 += Int(pixel.red)
        sums.1 += Int(pixel.green)
        sums.2 += Int(pixel.blue)
      }
    }
    let count = max(1, x.count * y.count)
    return RGB(
      UInt8((sums.0 + count / 2) / count), UInt8((sums.1 + count / 2) / count),
      UInt8((sums.2 + count / 2) / count))
  }

  /// The cells showing `image` (already at its final size): two pixel rows
  /// per cell row.
  static func cells(_ image: RasterImage, depth: Console.ColorDepth) -> CellGrid {
    var grid = CellGrid(width: image.width, height: (image.height + 1) / 2)
    for row in 0..<grid.height {
      for column in 0..<grid.width {
        let top = image.pixel(column, 2 * row)
        let hasBottom = 2 * row + 1 < image.height
        let bottom = image.pixel(column, 2 * row + 1)
        if depth == .none {
          let brightness = hasBottom ? (top.luminance + bottom.luminance) / 2 : top.luminance
          let index = min(ramp.count - 1, Int(brightness * Double(ramp.count)))
          grid[column, row] = Cell(ramp[max(0, index)])
        } else {
          grid[column, row] = Cell(
            "▀", foreground: top, background: hasBottom ? bottom : nil)
        }
      }
    }
    return grid
  }

  /// The size in pixels an image is shown at within `columns` x `rows`
  /// cells: shrunk to fit, and small images enlarged by a whole factor
  /// up to about 32 pixels, never stretched out of proportion.
  static func displaySize(
    _ image: RasterImage, columns: Int, rows: Int
  ) -> (width: Int, height: Int) {
    guard image.width > 0, image.height > 0 else { return (0, 0) }
    let enlarge = Double(max(1, 32 / max(image.width, image.height)))
    let fit = min(
      Double(max(1, columns)) / Double(image.width),
      Double(max(1, rows * 2)) / Double(image.height))
    let scale = min(enlarge, fit)
    return (
      max(1, Int(Double(image.width) * scale)), max(1, Int(Double(image.height) * scale))
    )
  }
}

extension PlotArea {
  /// Fills the whole area with an image stretched over it.
  mutating func paint(_ image: RasterImage, depth: Console.ColorDepth) {
    let resized = ImagePlot.resample(image, width: columns, height: rows * 2)
    grid.paste(ImagePlot.cells(resized, depth: depth), column: 0, row: 0)
  }
}
