import Networks
import Tensors
import XCTest

/// The seed's models, built in the seed's order, print exactly what Keras
/// 3.15 printed for them at 80 and 100 columns.
final class SummaryTests: XCTestCase {
  private func reference(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("../shared/reference/keras/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
  }

  private func mlp(nlayers: Int = 3, size: Int = 64, dropout: Double? = nil) throws -> Model {
    let inputs = try KerasTensor.input(shape: [2], name: "input_1")
    var x = inputs
    for _ in 0..<nlayers {
      x = try x.applying(Dense(units: size, activation: .relu, name: nil))
      if let dropout { x = try x.applying(Dropout(rate: dropout, name: nil)) }
    }
    let outputs = try x.applying(Dense(units: 2, activation: .softmax, name: "output_1"))
    return try Model(inputs: inputs, outputs: outputs, name: nil)
  }

  private func cnn(pooling: Bool) throws -> Model {
    let inputs = try KerasTensor.input(shape: [32, 32, 3], name: "input_1")
    var x = try inputs.applying(
      Conv2D(filters: 15, kernelSize: (5, 5), activation: .relu, name: nil))
    if pooling {
      x = try x.applying(
        Pooling2D(mode: .max, poolSize: (2, 2), strides: nil, padding: "valid", name: "pooling"))
    }
    x = try x.applying(Conv2D(filters: 60, kernelSize: (5, 5), activation: .relu, name: nil))
    x = try x.applying(Flatten(name: nil))
    x = try x.applying(Dense(units: 16, activation: .relu, name: nil))
    x = try x.applying(Dropout(rate: 0.2, name: nil))
    let outputs = try x.applying(Dense(units: 3, activation: .softmax, name: "output_1"))
    return try Model(inputs: inputs, outputs: outputs, name: nil)
  }

  private func seedTranscript(width: Int) throws -> String {
    LayerNaming.reset()
    var text = ""
    text += try mlp().summaryText(width: width, color: false)
    text += try mlp(dropout: 0.3).summaryText(width: width, color: false)
    let small = try mlp(nlayers: 1, size: 2, dropout: 0.5)
    text += small.summaryText(width: width, color: false)
    text += "[" + small.layers.map(\.repr).joined(separator: ", ") + "]\n"
    _ = try Dropout(rate: 0.5, name: nil)
    text += try cnn(pooling: false).summaryText(width: width, color: false)
    text += try cnn(pooling: true).summaryText(width: width, color: false)
    let sequential = try Model(
      sequential: [
        InputLayer(shape: [8, 8, 1], name: nil),
        Conv2D(filters: 4, kernelSize: (3, 3), padding: "same", name: nil),
        Pooling2D(mode: .average, poolSize: (2, 2), strides: nil, padding: "valid", name: nil),
        Flatten(name: nil),
        Dense(units: 10, name: nil),
      ], name: nil)
    text += sequential.summaryText(width: width, color: false)
    sequential.layers[0].trainable = false
    text += sequential.summaryText(width: width, color: false)
    return text
  }

  func testSummariesAt80Columns() throws {
    let expected = try reference("summaries-columns-80.txt")
    XCTAssertEqual(try seedTranscript(width: 80), expected)
  }

  func testSummariesAt100Columns() throws {
    let expected = try reference("summaries-columns-100.txt")
    XCTAssertEqual(try seedTranscript(width: 100), expected)
  }

  func testNarrowAndWideSummariesAndOptimizerLine() throws {
    let text = try reference("outputs/summary_width_and_optimizer.txt")
    let sections = text.components(separatedBy: "##### COLUMNS=")
    XCTAssertEqual(sections.count, 3)
    for section in sections.dropFirst() {
      let width = Int(section.prefix { $0.isNumber }) ?? 0
      let parts = section.components(separatedBy: "--- after compile+fit (optimizer built):\n")
      XCTAssertEqual(parts.count, 2)
      LayerNaming.reset()
      let model = try mlp()
      let before = String(parts[0].drop { $0 != "\n" }.dropFirst())
      XCTAssertEqual(model.summaryText(width: width, color: false), before)
      try model.compile(
        optimizer: Optimizer(.adam), loss: Loss(.sparseCategoricalCrossentropy),
        metrics: ["accuracy"])
      let x = try NDArray([Float](repeating: 0.5, count: 8), shape: [4, 2])
      let y = try NDArray([Int64(0), 1, 0, 1], shape: [4])
      var options = FitOptions()
      options.verbose = 0
      _ = try model.fit(x: x, y: y, options: options)
      XCTAssertEqual(model.summaryText(width: width, color: false), parts[1])
    }
  }

  func testColourAddsKerasStylesAroundTheSameText() throws {
    LayerNaming.reset()
    let model = try mlp()
    let colored = model.summaryText(width: 80, color: true)
    XCTAssertTrue(colored.hasPrefix("\u{1B}[1mModel: \"functional\"\u{1B}[0m\n"))
    XCTAssertTrue(colored.contains("│ dense (\u{1B}[38;5;33mDense\u{1B}[0m)                   │"))
    XCTAssertTrue(colored.contains(" \u{1B}[38;5;34m4,160\u{1B}[0m │"))
    var plain = ""
    var escaping = false
    for character in colored {
      if character == "\u{1B}" {
        escaping = true
      } else if escaping {
        if character == "m" { escaping = false }
      } else {
        plain.append(character)
      }
    }
    XCTAssertEqual(plain, model.summaryText(width: 80, color: false))
  }
}
