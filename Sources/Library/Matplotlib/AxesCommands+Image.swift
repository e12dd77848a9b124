import Language
import TerminalGraphics

extension AxesCommands {
  /// The most pixels an image keeps; larger ones are sampled down first,
  /// since a terminal shows a few thousand cells at most.
  static let pixelLimit = 1 << 20

  /// `imshow(X, cmap=None, vmin=None, vmax=None, ...)`: an RGB(A) image
  /// (floats in 0...1 or integers in 0...255) or a single channel through
  /// a colour map (gray or viridis; others fall back to viridis).
  static func imshow(_ axes: AxesState, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind(
      "imshow(X, cmap=None, norm=None, aspect=None, interpolation=None, alpha=None,"
        + " vmin=None, vmax=None, **kwargs)")
    try ArtistProperties.check(bound, ArtistProperties.image, artist: "AxesImage")
    let value = bound["X"] ?? .none
    if let shape = PlotData.shape(of: value), !Self.isImageShape(shape) {
      throw PyError.typeError("Invalid shape \(formatShapeText(shape)) for image data")
    }
    let data = try PlotData(value, context: "imshow() argument 'X'")
    var shape = data.shape
    if shape.count == 3 && shape[2] == 1 { shape.removeLast() }
    guard Self.isImageShape(shape), shape[0] > 0, shape[1] > 0 else {
      throw PyError.typeError("Invalid shape \(formatShapeText(data.shape)) for image data")
    }
    let channels = shape.count == 3 ? shape[2] : 1
    let step = max(
      1, Int((Double(shape[0] * shape[1]) / Double(pixelLimit)).squareRoot().rounded(.up)))
    let height = (shape[0] + step - 1) / step
    let width = (shape[1] + step - 1) / step

    let (map, reversed) = try colormap(bound.optional("cmap"))
    let finite = data.values.filter(\.isFinite)
    let low = try bound.optional("vmin")?.asDouble() ?? finite.min() ?? 0
    let high = try bound.optional("vmax")?.asDouble() ?? finite.max() ?? 1
    var pixels: [RGB] = []
    pixels.reserveCapacity(width * height)
    for row in stride(from: 0, to: shape[0], by: step) {
      for column in stride(from: 0, to: shape[1], by: step) {
        let base = (row * shape[1] + column) * channels
        if channels == 1 {
          let value = data.values[base]
          let level = high > low ? (value - low) / (high - low) : 0
          pixels.append(map.color(reversed ? 1 - level : level))
        } else {
          let scale = data.isIntegral ? 1.0 / 255 : 1
          pixels.append(
            RGB(
              unit: data.values[base] * scale, data.values[base + 1] * scale,
              data.values[base + 2] * scale))
        }
      }
    }
    axes.chart.image = RasterImage(width: width, height: height, pixels: pixels)
    return .object(Artist("matplotlib.image.AxesImage"))
  }

  /// Whether a shape is an image's: (H, W), (H, W, 1), (H, W, 3) or (H, W, 4).
  static func isImageShape(_ shape: [Int]) -> Bool {
    shape.count == 2 || (shape.count == 3 && [1, 3, 4].contains(shape[2]))
  }

  /// The colour map a `cmap` argument names, and whether it runs from
  /// bright to dark (`Greys`, `binary`, `gray_r`).
  static func colormap(_ value: Value?) throws -> (Colormap, reversed: Bool) {
    guard let value else { return (.viridis, false) }
    if let object = value.object(as: ColormapObject.self) {
      return (object.map, object.isReversed)
    }
    switch try value.str().lowercased() {
    case "gray", "grey", "greys_r", "binary_r": return (.gray, false)
    case "greys", "binary", "gray_r", "grey_r": return (.gray, true)
    case "viridis_r": return (.viridis, true)
    // TODO: other colour maps (hot, jet, plasma, ...) are drawn as viridis;
    // only gray and viridis are tabulated.
    default: return (.viridis, false)
    }
  }

  /// A shape as NumPy writes it.
  static func formatShapeText(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }
}

/// A colour map value such as `plt.cm.gray`.
final class ColormapObject: PyObject {
  let map: Colormap
  let isReversed: Bool

  init(_ map: Colormap, reversed: Bool = false) {
    self.map = map
    isReversed = reversed
  }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("Colormap")

  override func repr() throws -> String { "<matplotlib.colors.Colormap object '\(map.rawValue)'>" }
}
