/// The colours and glyphs plots use, chosen so that classes stay apart
/// both in colour and, without colour, by shape.
public enum Palette {
  /// Bright colours for the points of each class (red, blue, green, ...).
  public static let classColors: [RGB] = [
    RGB(255, 96, 96), RGB(96, 160, 255), RGB(96, 220, 110), RGB(220, 130, 255),
    RGB(255, 180, 60), RGB(80, 220, 220), RGB(255, 130, 200), RGB(200, 200, 90),
  ]

  /// Muted colours for the region each class wins, dark enough that the
  /// bright points stay legible on top.
  public static let regionColors: [RGB] = [
    RGB(92, 30, 36), RGB(24, 44, 110), RGB(28, 80, 36), RGB(72, 36, 92),
    RGB(96, 64, 20), RGB(20, 78, 80), RGB(92, 36, 72), RGB(74, 74, 26),
  ]

  /// The glyph of each class, distinct without colour.
  public static let classGlyphs: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&"]

  /// Light shading that tells regions apart without colour.
  public static let regionShades: [Character] = [" ", "·", "░", ":", "▒", "-", "=", "~"]

  /// The line colours matplotlib cycles through (its `tab10`).
  public static let seriesColors: [RGB] = [
    RGB(31, 119, 180), RGB(255, 127, 14), RGB(44, 160, 44), RGB(214, 39, 40),
    RGB(148, 103, 189), RGB(140, 86, 75), RGB(227, 119, 194), RGB(127, 127, 127),
    RGB(188, 189, 34), RGB(23, 190, 207),
  ]

  /// The glyphs lines use when several share a plot without colour.
  public static let seriesGlyphs: [Character] = ["*", "o", "+", "x", "#", "%", "@", "&"]

  /// Dim gray for grid lines and other furniture.
  public static let gridColor = RGB(88, 88, 88)

  /// The bright colour of class `index`, cycling past the end.
  public static func classColor(_ index: Int) -> RGB { cycle(classColors, index) }

  /// The muted region colour of class `index`.
  public static func regionColor(_ index: Int) -> RGB { cycle(regionColors, index) }

  /// The glyph of class `index`.
  public static func classGlyph(_ index: Int) -> Character { cycle(classGlyphs, index) }

  /// The plain-text shade of region `index`.
  public static func regionShade(_ index: Int) -> Character { cycle(regionShades, index) }

  /// The colour of series `index` in matplotlib's cycle.
  public static func seriesColor(_ index: Int) -> RGB { cycle(seriesColors, index) }

  /// The plain-text glyph of series `index`.
  public static func seriesGlyph(_ index: Int) -> Character { cycle(seriesGlyphs, index) }

  private static func cycle<T>(_ items: [T], _ index: Int) -> T {
    items[((index % items.count) + items.count) % items.count]
  }
}
