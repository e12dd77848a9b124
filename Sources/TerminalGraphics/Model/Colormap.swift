/// The colour maps `imshow` applies to single-channel images.
public enum Colormap: String, Sendable, CaseIterable {
  /// Black to white.
  case gray
  /// matplotlib's default: dark purple through teal to yellow.
  case viridis

  /// The colour of `value` in 0...1 (clamped; NaN maps to the low end).
  public func color(_ value: Double) -> RGB {
    let t = value.isNaN ? 0 : max(0, min(1, value))
    switch self {
    case .gray: return RGB(unit: t, t, t)
    case .viridis: return Colormap.interpolate(Colormap.viridisStops, t)
    }
  }

  /// Samples of viridis at nine evenly spaced points.
  static let viridisStops: [RGB] = [
    RGB(68, 1, 84), RGB(71, 44, 122), RGB(59, 81, 139), RGB(44, 113, 142),
    RGB(33, 144, 141), RGB(39, 173, 129), RGB(92, 200, 99), RGB(170, 220, 50),
    RGB(253, 231, 37),
  ]

  private static func interpolate(_ stops: [RGB], _ t: Double) -> RGB {
    let position = t * Double(stops.count - 1)
    let lower = min(Int(position), stops.count - 2)
    return stops[lower].mixed(with: stops[lower + 1], position - Double(lower))
  }
}
