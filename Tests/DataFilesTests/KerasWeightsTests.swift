import DataFiles
import Foundation
import Tensors
import XCTest

/// Weight files written by Keras 3, and mlscript's own round trips.
final class KerasWeightsTests: XCTestCase {
  func testLoadsTheMLPWrittenByKeras() throws {
    let layers = try KerasWeights.load(from: SharedData.path("keras/mlp_moons.weights.h5"))
    XCTAssertEqual(layers.map(\.key), ["dense", "dense_1", "dense_2", "dense_3", "input_layer"])
    XCTAssertEqual(layers.map(\.name), ["dense", "dense_1", "dense_2", "output_1", "input_1"])
    XCTAssertEqual(layers[0].variables.map(\.shape), [[2, 64], [64]])
    XCTAssertEqual(layers[3].variables.map(\.shape), [[64, 2], [2]])
    XCTAssertEqual(layers[4].variables.count, 0)
    let kernel = layers[0].variables[0]
    XCTAssertEqual(kernel.dtype, .float32)
    XCTAssertEqual(
      Array(kernel.values(as: Float.self).prefix(3)),
      [0.09283310174942017, 0.059946149587631226, 0.07982054352760315])
    let sum = kernel.values(as: Double.self).reduce(0, +)
    XCTAssertEqual(sum, 1.3398211002349854, accuracy: 1e-6)
  }

  func testLoadsTheCNNWrittenByKeras() throws {
    let layers = try KerasWeights.load(from: SharedData.path("keras/cnn_pool.weights.h5"))
    let keys = layers.map(\.key)
    XCTAssertEqual(
      keys, ["conv2d", "conv2d_1", "dense", "dense_1", "flatten", "input_layer", "max_pooling2d"])
    XCTAssertEqual(layers[0].variables.map(\.shape), [[5, 5, 3, 15], [15]])
    XCTAssertEqual(layers[1].variables.map(\.shape), [[5, 5, 15, 60], [60]])
    XCTAssertEqual(layers[2].variables.map(\.shape), [[6000, 16], [16]])
    XCTAssertEqual(layers[3].name, "output_1")
    let sum = layers[1].variables[0].values(as: Double.self).reduce(0, +)
    XCTAssertEqual(sum, 4.2044845297932625, accuracy: 1e-5)
  }

  func testSaveThenLoadIsBitExact() throws {
    let original = try KerasWeights.load(from: SharedData.path("keras/cnn_pool.weights.h5"))
    let directory = try makeTemporaryDirectory()
    let path = directory + "/copy.weights.h5"
    try KerasWeights.save(original, to: path)
    let copy = try KerasWeights.load(from: path)
    XCTAssertEqual(copy.map(\.key), original.map(\.key))
    XCTAssertEqual(copy.map(\.name), original.map(\.name))
    for (a, b) in zip(original, copy) {
      XCTAssertEqual(a.variables.map(\.shape), b.variables.map(\.shape))
      for (x, y) in zip(a.variables, b.variables) {
        let xBits = x.values(as: Float.self).map(\.bitPattern)
        let yBits = y.values(as: Float.self).map(\.bitPattern)
        XCTAssertEqual(xBits, yBits)
      }
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory), ["copy.weights.h5"])
  }

  func testSavedLayoutMirrorsKeras() throws {
    let directory = try makeTemporaryDirectory()
    let path = directory + "/m.weights.h5"
    let kernel = try NDArray([Float](repeating: 0.5, count: 6), shape: [2, 3])
    let bias = try NDArray([Float](repeating: 0, count: 3), shape: [3])
    try KerasWeights.save(
      [
        WeightsLayer(key: "dense", variables: [kernel, bias], name: "output_1"),
        WeightsLayer(key: "input_layer", variables: [], name: "input_1"),
      ], to: path)
    let file = try HDF5File(path)
    defer { file.discard() }
    XCTAssertEqual(try file.root.keys(), ["layers", "vars"])
    let vars = try file.root.group("layers/dense/vars")
    XCTAssertEqual(try vars.keys(), ["0", "1"])
    XCTAssertEqual(try vars.dataset("0").dataType.descriptor, "<f4")
    guard case .strings(let name, _) = try vars.attributes.get("name") else {
      return XCTFail("vars needs a name")
    }
    XCTAssertEqual(name, ["output_1"])
    guard case .strings(let model, _) = try file.root.group("vars").attributes.get("name") else {
      return XCTFail("the root vars needs a name")
    }
    XCTAssertEqual(model, ["functional"])
    XCTAssertEqual(try file.root.group("layers/input_layer/vars").keys(), [])
  }
}
