import Support

/// Select Graphic Rendition escape sequences at a given colour depth.
enum ANSI {
  /// Ends every colour in force.
  static let reset = "\u{1B}[0m"

  /// The sequence that switches to `foreground` over `background` (nil
  /// meaning the terminal's default), or "" at depth `.none`.
  static func style(
    foreground: RGB?, background: RGB?, depth: Console.ColorDepth
  ) -> String {
    guard depth != .none else { return "" }
    let parts = [
      parameters(foreground, layer: 38, depth: depth) ?? "39",
      parameters(background, layer: 48, depth: depth) ?? "49",
    ]
    return "\u{1B}[" + parts.joined(separator: ";") + "m"
  }

  private static func parameters(
    _ color: RGB?, layer: Int, depth: Console.ColorDepth
  ) -> String? {
    guard let color else { return nil }
    if depth == .trueColor {
      return "\(layer);2;\(color.red);\(color.green);\(color.blue)"
    }
    return "\(layer);5;\(paletteIndex(color))"
  }

  /// The nearest entry of the xterm 256-colour palette: the 6x6x6 cube,
  /// or the 24-step gray ramp for colours with next to no hue (so that
  /// dark tints keep their hue rather than turning gray).
  static func paletteIndex(_ color: RGB) -> Int {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearestLevel(_ channel: UInt8) -> Int {
      var best = 0
      for (index, level) in levels.enumerated()
      where abs(level - Int(channel)) < abs(levels[best] - Int(channel)) {
        best = index
      }
      return best
    }
    let r = nearestLevel(color.red)
    let g = nearestLevel(color.green)
    let b = nearestLevel(color.blue)
    let cube = RGB(UInt8(levels[r]), UInt8(levels[g]), UInt8(levels[b]))

    let average = (Int(color.red) + Int(color.green) + Int(color.blue)) / 3
    let step = max(0, min(23, (average - 8 + 5) / 10))
    let grayLevel = UInt8(8 + 10 * step)
    let gray = RGB(grayLevel, grayLevel, grayLevel)

    let channels = [Int(color.red), Int(color.green), Int(color.blue)]
    let chroma = (channels.max() ?? 0) - (channels.min() ?? 0)
    if chroma < 24 && distance(color, gray) < distance(color, cube) { return 232 + step }
    return 16 + 36 * r + 6 * g + b
  }

  private static func distance(_ a: RGB, _ b: RGB) -> Int {
    let dr = Int(a.red) - Int(b.red)
    let dg = Int(a.green) - Int(b.green)
    let db = Int(a.blue) - Int(b.blue)
    return dr * dr + dg * dg + db * db
  }
}
