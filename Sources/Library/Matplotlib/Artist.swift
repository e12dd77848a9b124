import Language

/// What a drawing call returns (a line, a collection of points, an image,
/// a text, a legend), so that a cell ending in `plt.plot(...)` shows what
/// Jupyter shows.
final class Artist: PyObject {
  /// The matplotlib class, such as `matplotlib.lines.Line2D`.
  let className: String
  /// The repr, when the class shows its contents (texts do).
  let text: String?

  init(_ className: String, repr text: String? = nil) {
    self.className = className
    self.text = text
  }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("Artist")

  override func repr() throws -> String {
    if let text { return text }
    let address = UInt(bitPattern: ObjectIdentifier(self).hashValue)
    return "<\(className) at 0x\(String(address, radix: 16))>"
  }

  /// A line, as `plot` returns in a list.
  static func line() -> Value { .object(Artist("matplotlib.lines.Line2D")) }

  /// A text at axes coordinates, as `title` and the labels return.
  static func text(x: String, y: String, _ content: String) -> Value {
    let quoted = (try? Value.string(content).repr()) ?? "'\(content)'"
    return .object(Artist("matplotlib.text.Text", repr: "Text(\(x), \(y), \(quoted))"))
  }
}
