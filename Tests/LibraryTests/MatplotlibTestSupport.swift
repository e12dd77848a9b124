import Language
import Library
import Support
import Tensors
import XCTest

/// Calls into the plotting modules as a program would, and captures what
/// they write to the console.
enum PlotHarness {
  /// A fresh registry's module by dotted name.
  static func module(_ name: String) throws -> PyModule {
    guard let module = try BuiltinModules().module(named: name) else {
      throw PyError(.importError, "no module named '\(name)'")
    }
    return module
  }

  /// Calls `receiver.name(*positional, **keywords)`.
  @discardableResult
  static func call(
    _ receiver: PyObject, _ name: String, _ positional: [Value] = [],
    _ keywords: [(name: String, value: Value)] = []
  ) throws -> Value {
    guard let function = try receiver.attribute(name)?.object(as: PyObject.self) else {
      throw PyError(.attributeError, "no attribute '\(name)'")
    }
    return try function.call(Arguments(positional, keywords: keywords))
  }

  /// What `body` writes to a console of `width` columns at `depth`.
  static func capture(
    width: Int = 60, depth: Console.ColorDepth = .none, _ body: () throws -> Void
  ) throws -> String {
    let saved = Console.shared
    let console = Console(width: width, colorDepth: depth, isTerminal: false)
    var text = ""
    console.redirect = { text += $0 }
    Console.shared = console
    defer { Console.shared = saved }
    PendingFigures.flush()
    text = ""
    try body()
    return text
  }

  /// A float64 array value.
  static func array(_ values: [Double], _ shape: [Int]) throws -> Value {
    Value(array: try NDArray(values, shape: shape))
  }

  /// An int64 array value.
  static func array(_ values: [Int64], _ shape: [Int]) throws -> Value {
    Value(array: try NDArray(values, shape: shape))
  }

  /// Twelve points of two classes: an arc of class 0 over a trough of 1.
  static let points: [Double] = [
    -1.0, 0.2, -0.6, 0.8, 0.0, 1.0, 0.5, 0.9, 0.9, 0.4, 1.0, -0.1,
    0.1, 0.3, 0.5, -0.3, 1.0, -0.5, 1.5, -0.4, 1.9, 0.0, 2.0, 0.5,
  ]

  /// The classes of `points`.
  static let labels: [Int64] = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
}
