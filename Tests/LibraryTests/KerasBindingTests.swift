import DataFiles
import Foundation
import Language
import Library
import Networks
import Support
import Tensors
import XCTest

/// The `tensorflow` / `keras` modules as a program uses them, driven
/// through the language's object protocol.
final class KerasBindingTests: XCTestCase {
  private var output = ""
  private var savedConsole: Console?

  override func setUp() {
    savedConsole = Console.shared
    let console = Console(width: 80, colorDepth: .none, isTerminal: false)
    console.redirect = { [unowned self] text in self.output += text }
    Console.shared = console
    output = ""
  }

  override func tearDown() {
    if let savedConsole { Console.shared = savedConsole }
  }

  private func tf() throws -> PyModule {
    guard let module = try BuiltinModules().module(named: "tensorflow") else {
      throw PyError(.importError, "no tensorflow")
    }
    return module
  }

  private func get(_ value: Value, _ path: String) throws -> Value {
    var current = value
    for part in path.split(separator: ".") {
      guard case .object(let object) = current, let next = try object.attribute(String(part))
      else {
        throw PyError(.attributeError, "no \(part) in \(path)")
      }
      current = next
    }
    return current
  }

  private func call(
    _ value: Value, _ positional: [Value] = [], _ keywords: [(String, Value)] = []
  ) throws -> Value {
    guard case .object(let object) = value else { throw PyError.typeError("not callable") }
    return try object.call(
      Arguments(positional, keywords: keywords.map { (name: $0.0, value: $0.1) }))
  }

  private func lessonModel(_ tf: Value, nlayers: Int = 3, size: Int = 64, dropout: Double?)
    throws -> Value
  {
    var x = try call(
      get(tf, "keras.Input"), [], [("shape", .tuple([.int(2)])), ("name", .string("input_1"))])
    let inputs = x
    for _ in 0..<nlayers {
      let dense = try call(
        get(tf, "keras.layers.Dense"), [.int(size)], [("activation", get(tf, "nn.relu"))])
      x = try call(dense, [x])
      if let dropout {
        x = try call(call(get(tf, "keras.layers.Dropout"), [.float(dropout)]), [x])
      }
    }
    let output = try call(
      get(tf, "keras.layers.Dense"), [.int(2)],
      [("activation", get(tf, "nn.softmax")), ("name", .string("output_1"))])
    let model = try call(
      get(tf, "keras.Model"), [], [("inputs", inputs), ("outputs", call(output, [x]))])
    _ = try call(
      get(model, "compile"), [],
      [
        ("optimizer", .string("adam")), ("loss", .string("sparse_categorical_crossentropy")),
        ("metrics", .list([.string("accuracy")])),
      ])
    return model
  }

  func testVersionAndSharedKerasTree() throws {
    let tf = Value.object(try tf())
    XCTAssertEqual(try get(tf, "__version__").str(), "0.1.0")
    let keras = try BuiltinModules().module(named: "keras")
    XCTAssertTrue(try get(tf, "keras").object(as: PyModule.self) === keras)
  }

  func testSeedModelsPrintKerasSummaryAndLayers() throws {
    LayerNaming.reset()
    let tf = Value.object(try tf())
    _ = try lessonModel(tf, dropout: nil)
    _ = try lessonModel(tf, dropout: 0.3)
    let model = try lessonModel(tf, nlayers: 1, size: 2, dropout: 0.5)
    output = ""
    _ = try call(get(model, "summary"))
    XCTAssertTrue(output.hasPrefix("Model: \"functional_2\"\n┏"), output)
    XCTAssertTrue(output.contains("│ dropout_3 (Dropout)             │ (None, 2)              │"))
    XCTAssertTrue(
      output.hasSuffix(
        " Total params: 12 (48.00 B)\n Trainable params: 12 (48.00 B)\n"
          + " Non-trainable params: 0 (0.00 B)\n"))
    XCTAssertEqual(
      try get(model, "layers").repr(),
      "[<InputLayer name=input_1, built=True>, <Dense name=dense_6, built=True>,"
        + " <Dropout name=dropout_3, built=True>, <Dense name=output_1, built=True>]")
    let dropout = try call(get(model, "get_layer"), [.string("dropout_3")])
    XCTAssertEqual(try get(dropout, "trainable").repr(), "True")
    XCTAssertEqual(try get(dropout, "weights").repr(), "[]")
    XCTAssertEqual(try get(dropout, "rate").repr(), "0.5")
    let dense = try call(get(model, "get_layer"), [.string("dense_6")])
    XCTAssertEqual(try get(dense, "units").repr(), "2")
    XCTAssertEqual(try get(dense, "weights").object(as: PyList.self)?.items.count, 2)

    _ = try call(get(tf, "random.set_seed"), [.int(0)])
    let layer = try call(
      get(tf, "keras.layers.Dropout"), [.float(0.5)], [("input_shape", .tuple([.int(2)]))])
    // Keras's warning goes to standard error, as Python's warnings do.
    XCTAssertFalse(output.contains("UserWarning"))
    XCTAssertEqual(try get(layer, "name").str(), "dropout_4")
  }

  func testFitEvaluatePredictThroughTheBindings() throws {
    let tf = Value.object(try tf())
    _ = try call(get(tf, "random.set_seed"), [.int(3)])
    let model = try lessonModel(tf, dropout: nil)
    var points: [Double] = []
    var labels: [Int64] = []
    for i in 0..<80 {
      let label = Int64(i % 2)
      points += [Double(i % 7) / 7 + Double(label), Double(i % 5) / 5 - Double(label)]
      labels.append(label)
    }
    let x = Value(array: try NDArray(points, shape: [80, 2]))
    let y = Value(array: try NDArray(labels, shape: [80]))
    let history = try call(
      get(model, "fit"), [x, y],
      [("epochs", .int(3)), ("batch_size", .int(8)), ("verbose", .int(1))])
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
    XCTAssertEqual(lines.count, 7, output)
    XCTAssertEqual(lines[0], "Epoch 1/3")
    XCTAssertTrue(lines[1].hasPrefix("10/10 ━━━━━━━━━━━━━━━━━━━━ 0s "), output)
    XCTAssertTrue(lines[1].contains("/step - accuracy: "), output)
    XCTAssertEqual(
      try get(history, "params").repr(), "{'verbose': 1, 'epochs': 3, 'steps': 10}")
    XCTAssertEqual(try get(history, "epoch").repr(), "[0, 1, 2]")
    let logged = try get(history, "history").object(as: PyDict.self)
    XCTAssertEqual(try logged?.keys.map { try $0.str() }, ["accuracy", "loss"])

    output = ""
    let results = try call(get(model, "evaluate"), [x, y], [("verbose", .int(2))])
    XCTAssertTrue(output.hasPrefix("3/3 - 0s - "), output)
    guard let list = results.object(as: PyList.self) else {
      return XCTFail("evaluate returned \(try results.repr())")
    }
    XCTAssertEqual(list.items.count, 2)
    XCTAssertGreaterThan(try list.items[1].asDouble(), 0.9)

    output = ""
    let predicted = try call(get(model, "predict"), [x], [("verbose", .int(0))])
    XCTAssertEqual(output, "")
    XCTAssertEqual(predicted.object(as: NDArrayObject.self)?.array.shape, [80, 2])
    let called = try call(model, [x], [("training", .bool(false))])
    XCTAssertEqual(called.object(as: NDArrayObject.self)?.flavor, .tensor)
    // Batches of 32 against all 80 rows at once: OpenBLAS's FMA kernels
    // may sum the two shapes in another order, so equal to float32 rounding.
    let calledValues = called.object(as: NDArrayObject.self)?.array.values(as: Float.self)
    let predictedValues =
      predicted.object(as: NDArrayObject.self)?.array.values(as: Float.self) ?? []
    XCTAssertEqual(calledValues?.count, 160)
    XCTAssertEqual(predictedValues.count, 160)
    for (a, b) in zip(calledValues ?? [], predictedValues) {
      XCTAssertEqual(a, b, accuracy: 1e-6)
    }
  }

  func testPoolingLayerAppliesToAnyImage() throws {
    let tf = Value.object(try tf())
    let pool = try call(get(tf, "keras.layers.MaxPool2D"), [.tuple([.int(2), .int(2)])])
    let image = try NDArray((0..<48).map { Double($0) }, shape: [1, 4, 4, 3])
    let pooled = try call(pool, [Value(array: image)])
    guard let result = pooled.object(as: NDArrayObject.self) else { return XCTFail() }
    XCTAssertEqual(result.flavor, .tensor)
    XCTAssertEqual(result.array.shape, [1, 2, 2, 3])
    // The max of each 2x2 window is its bottom-right pixel: rows 1 and 3, columns 1 and 3.
    XCTAssertEqual(
      result.array.values(as: Float.self),
      [15, 16, 17, 21, 22, 23, 39, 40, 41, 45, 46, 47])
    XCTAssertEqual(try get(pool, "pool_size").repr(), "(2, 2)")
    XCTAssertEqual(try get(pool, "strides").repr(), "(2, 2)")
    XCTAssertThrowsError(try call(get(tf, "keras.layers.AveragePooling2D")))
    XCTAssertThrowsError(try call(get(tf, "keras.layers.Dropout"), [.float(1.5)]))
  }

  func testWeightsSurviveSaveAndLoadAndKerasFilesLoad() throws {
    let tf = Value.object(try tf())
    _ = try call(get(tf, "random.set_seed"), [.int(1)])
    let first = try lessonModel(tf, dropout: nil)
    _ = try call(get(tf, "random.set_seed"), [.int(2)])
    let second = try lessonModel(tf, dropout: nil)
    let x = Value(array: try NDArray([0.5, -0.25, 1.0, 0.75], shape: [2, 2]))
    func predict(_ model: Value) throws -> [Float] {
      try call(get(model, "predict"), [x], [("verbose", .int(0))])
        .asNDArray().values(as: Float.self)
    }
    XCTAssertNotEqual(try predict(first), try predict(second))
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("keras-binding-\(getpid()).weights.h5").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = try call(get(first, "save_weights"), [.string(path)])
    _ = try call(get(second, "load_weights"), [.string(path)])
    XCTAssertEqual(try predict(first), try predict(second))
    XCTAssertThrowsError(try call(get(first, "save_weights"), [.string("/tmp/model.h5")]))

    // Keras's own file for the same architecture gives Keras's predictions.
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("../shared/data/keras").standardized.path
    _ = try call(get(second, "load_weights"), [.string(root + "/mlp_moons.weights.h5")])
    let inputs = try readDataset("x", in: root + "/mlp_moons.io.h5")
    let expected = try readDataset("predict", in: root + "/mlp_moons.io.h5")
    let predicted = try call(
      get(second, "predict"), [Value(array: inputs)], [("verbose", .int(0))]
    ).asNDArray()
    for (a, e) in zip(predicted.values(as: Float.self), expected.values(as: Float.self)) {
      XCTAssertEqual(a, e, accuracy: 1e-5)
    }
  }
}
