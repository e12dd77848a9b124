import Networks
import Support
import Tensors
import XCTest

/// Keras 3.15's progress text, and what a Ctrl-C during `fit` leaves.
final class ProgressTests: XCTestCase {
  private var output = ""
  private var saved: Console?

  private func use(_ console: Console) {
    saved = saved ?? Console.shared
    console.redirect = { [unowned self] text in self.output += text }
    Console.shared = console
    output = ""
  }

  override func tearDown() {
    if let saved { Console.shared = saved }
    Interruption.clear()
  }

  private func model() throws -> Model {
    NetworkRandom.setSeed(5)
    let inputs = try KerasTensor.input(shape: [2], name: nil)
    let hidden = try inputs.applying(Dense(units: 8, activation: .relu, name: nil))
    let outputs = try hidden.applying(Dense(units: 2, activation: .softmax, name: nil))
    let model = try Model(inputs: inputs, outputs: outputs, name: nil)
    try model.compile(
      optimizer: Optimizer(.adam), loss: Loss(.sparseCategoricalCrossentropy),
      metrics: ["accuracy"])
    return model
  }

  private func data(_ n: Int) throws -> (NDArray, NDArray) {
    let x = try NDArray((0..<(2 * n)).map { Float($0 % 7) / 7 }, shape: [n, 2])
    let y = try NDArray((0..<n).map { Int64($0 % 2) }, shape: [n])
    return (x, y)
  }

  private func matches(_ text: String, _ pattern: String) -> Bool {
    text.range(of: pattern, options: .regularExpression) != nil
  }

  func testPlainOutputKeepsOnlyTheFinalLines() throws {
    use(Console(width: 80, colorDepth: .none, isTerminal: false))
    let (x, y) = try data(300)
    let model = try model()
    _ = try model.evaluate(x: x, y: y, verbose: 1)
    XCTAssertTrue(
      matches(
        output,
        #"^10/10 ━{20} 0s \d+(us|ms)/step - accuracy: 0\.\d{4} - loss: 0\.\d{4} *\n$"#),
      output)

    output = ""
    _ = try model.predict(x: x, batchSize: 8, verbose: 1)
    XCTAssertTrue(matches(output, #"^38/38 ━{20} 0s \d+(us|ms)/step *\n$"#), output)

    output = ""
    var options = FitOptions()
    options.epochs = 2
    options.verbose = 2
    options.validationData = (x, y)
    _ = try model.fit(x: x, y: y, options: options)
    let lines = output.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 4, output)
    XCTAssertEqual(lines[0], "Epoch 1/2")
    XCTAssertTrue(
      matches(
        lines[1],
        #"^10/10 - 0s - \d+(us|ms)/step - accuracy: 0\.\d{4} - loss: 0\.\d{4}"#
          + #" - val_accuracy: 0\.\d{4} - val_loss: 0\.\d{4}$"#), lines[1])
  }

  func testTerminalOutputRedrawsWithKerasColours() throws {
    use(Console(width: 80, colorDepth: .palette256, isTerminal: true))
    let (x, y) = try data(20)
    _ = try model().evaluate(x: x, y: y, batchSize: 2, verbose: 1)
    // The first frame: bold counter, 2 of 20 cells green, ETA in bold.
    let first =
      "\r\u{1B}[1m 1/10\u{1B}[0m \u{1B}[32m━━\u{1B}[0m\u{1B}[37m"
      + String(repeating: "━", count: 18) + "\u{1B}[0m \u{1B}[1m0s\u{1B}[0m "
    XCTAssertTrue(output.hasPrefix(first), output.debugDescription)
    XCTAssertTrue(output.contains("\u{8}\r\u{1B}[1m10/10\u{1B}[0m \u{1B}[32m"))
    XCTAssertTrue(output.hasSuffix("\n"))
    XCTAssertTrue(output.contains("\u{1B}[37m\u{1B}[0m \u{1B}[1m0s\u{1B}[0m"))
  }

  func testCtrlCStopsAfterTheCurrentBatchAndKeepsTheWeights() throws {
    use(Console(width: 80, colorDepth: .none, isTerminal: false))
    let (x, y) = try data(64)
    let model = try model()
    let before = try model.variables[0].array().values(as: Float.self)
    var options = FitOptions()
    options.epochs = 3
    options.batchSize = 8
    options.verbose = 0
    Interruption.request()
    XCTAssertThrowsError(try model.fit(x: x, y: y, options: options)) { error in
      XCTAssertEqual((error as? TensorError)?.kind, .keyboardInterrupt)
    }
    XCTAssertFalse(Interruption.isRequested)
    XCTAssertTrue(output.contains("epoch 1/3 after step 1/8"), output)
    XCTAssertEqual(model.history?.epochs, [])
    XCTAssertEqual(model.optimizer?.iterations, 1)
    XCTAssertNotEqual(try model.variables[0].array().values(as: Float.self), before)
  }

  func testAForcedRedrawShowsTheStepAtOnce() throws {
    let console = Console(width: 80, colorDepth: .none, isTerminal: true)
    use(console)
    let bar = ProgressBar(target: 8, verbose: 1, console: console)
    bar.update(1) { [] }
    bar.update(2) { [] }
    bar.update(3, force: true) { [] }
    // What a terminal shows is the text after the last carriage return.
    let shown = output.split(separator: "\r", omittingEmptySubsequences: false).last ?? ""
    XCTAssertTrue(shown.hasPrefix("3/8 ━━━━━━━━━━━━━━━━━━━━"), output.debugDescription)
  }

  func testCtrlCOnATerminalLeavesTheBarAtTheStepItNames() throws {
    use(Console(width: 80, colorDepth: .none, isTerminal: true))
    let (x, y) = try data(64)
    var options = FitOptions()
    options.epochs = 2
    options.batchSize = 8
    options.verbose = 1
    Interruption.request()
    XCTAssertThrowsError(try model().fit(x: x, y: y, options: options))
    let bar = output.components(separatedBy: "\nTraining stopped")[0]
    let shown = bar.split(separator: "\r", omittingEmptySubsequences: false).last ?? ""
    XCTAssertTrue(shown.hasPrefix("1/8 ━━"), output.debugDescription)
    XCTAssertTrue(output.contains("epoch 1/2 after step 1/8"), output)
  }
}
