import Foundation
import Language
import Library
import Tensors
import XCTest

/// The `sklearn` module called directly, as a program would use it.
final class SKLearnTests: XCTestCase {
  private func function(_ module: String, _ name: String) throws -> PyObject {
    let found = try XCTUnwrap(try BuiltinModules().module(named: module))
    guard case .object(let function)? = try found.attribute(name) else {
      throw PyError.typeError("\(module).\(name) is missing")
    }
    return function
  }

  private func items(_ value: Value) throws -> [Value] {
    if let tuple = value.object(as: PyTuple.self) { return tuple.items }
    return try XCTUnwrap(value.object(as: PyList.self)).items
  }

  private func array(_ value: Value) throws -> NDArray {
    try XCTUnwrap(value.object(as: NDArrayObject.self)).array
  }

  func testMakeMoonsAsTheLessonCallsIt() throws {
    let moons = try function("sklearn.datasets", "make_moons")
    let result = try items(
      try moons.call(
        Arguments([.int(300)], keywords: [("shuffle", .bool(true)), ("noise", .float(0.25))])))
    XCTAssertEqual(result.count, 2)
    let x = try array(result[0])
    let y = try array(result[1])
    XCTAssertEqual(x.shape, [300, 2])
    XCTAssertEqual(x.dtype, .float64)
    XCTAssertEqual(y.dtype, .int64)
    XCTAssertEqual(y.values(as: Int64.self).filter { $0 == 1 }.count, 150)
  }

  func testSeededResultsRepeat() throws {
    let circles = try function("sklearn.datasets", "make_circles")
    let call = {
      try self.array(
        try self.items(
          try circles.call(
            Arguments([.int(11)], keywords: [("noise", .float(0.1)), ("random_state", .int(4))])
          ))[0]
      ).values(as: Double.self)
    }
    XCTAssertEqual(try call(), try call())
    let blobs = try function("sklearn.datasets", "make_blobs")
    let result = try items(
      try blobs.call(
        Arguments([.int(10)], keywords: [("centers", .int(3)), ("random_state", .int(0))])))
    XCTAssertEqual(try array(result[0]).shape, [10, 2])
    let labels = try array(result[1]).values(as: Int64.self)
    XCTAssertEqual([0, 1, 2].map { c in labels.filter { $0 == c }.count }, [4, 3, 3])
    XCTAssertThrowsError(try circles.call(Arguments([.int(10)], keywords: [("bogus", .int(1))])))
  }

  func testStarImportFindsTheDataSets() throws {
    let datasets = try XCTUnwrap(try BuiltinModules().module(named: "sklearn.datasets"))
    let names = Set(datasets.attributeNames())
    XCTAssertTrue(names.isSuperset(of: ["make_moons", "make_circles", "make_blobs"]))
  }

  func testTrainTestSplitSizesAndOrder() throws {
    let split = try function("sklearn.model_selection", "train_test_split")
    let x = try NDArray((0..<(3004 * 2)).map(Double.init), shape: [3004, 2])
    let y = try NDArray((0..<3004).map(Int64.init), shape: [3004])
    let parts = try items(
      try split.call(
        Arguments(
          [.object(NDArrayObject(x)), .object(NDArrayObject(y))],
          keywords: [("test_size", .float(0.25))])))
    XCTAssertEqual(parts.count, 4)
    XCTAssertEqual(try array(parts[0]).shape, [2253, 2])
    XCTAssertEqual(try array(parts[1]).shape, [751, 2])
    XCTAssertEqual(try array(parts[2]).shape, [2253])
    XCTAssertEqual(try array(parts[3]).shape, [751])
    // Rows stay paired: x row i holds 2i and 2i + 1, y row i holds i.
    let xTrain = try array(parts[0]).values(as: Double.self)
    let yTrain = try array(parts[2]).values(as: Int64.self)
    for (row, label) in yTrain.enumerated().prefix(50) {
      XCTAssertEqual(xTrain[2 * row], Double(2 * label))
    }
    let lists = try items(
      try split.call(
        Arguments(
          [.list((0..<10).map(Value.int))],
          keywords: [("shuffle", .bool(false)), ("test_size", .int(3))])))
    XCTAssertEqual(try lists[0].repr(), "[0, 1, 2, 3, 4, 5, 6]")
    XCTAssertEqual(try lists[1].repr(), "[7, 8, 9]")
    XCTAssertThrowsError(
      try split.call(
        Arguments([.list([.int(1), .int(2)]), .list([.int(1)])])))
  }
}
