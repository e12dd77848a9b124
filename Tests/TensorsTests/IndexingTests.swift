import Tensors
import XCTest

/// Basic and advanced indexing, and assignment through them.
final class IndexingTests: XCTestCase {
  private let all = IndexItem.slice(start: nil, stop: nil, step: nil)

  private func mask(_ a: NDArray, greaterThan value: Double) throws -> NDArray {
    try NDArray.binary(.greater, .array(a), .float(value))
  }

  private func indices(_ values: [Int64]) throws -> NDArray {
    try NDArray(values, shape: [values.count])
  }

  func testSlicesWithStepsAndNegativeIndices() throws {
    let x = try ramp([3, 4])
    XCTAssertEqual(
      try x.subscripted([
        .slice(start: nil, stop: nil, step: 2), .slice(start: nil, stop: nil, step: -1),
      ])
      .numpyRepr,
      "array([[ 3,  2,  1,  0],\n       [11, 10,  9,  8]])")
    XCTAssertEqual(try x.subscripted([.index(-1)]).numpyRepr, "array([ 8,  9, 10, 11])")
    XCTAssertEqual(try x.subscripted([.ellipsis, .index(1)]).numpyRepr, "array([1, 5, 9])")
    XCTAssertEqual(try x.subscripted([all, .newAxis, .index(1)]).shape, [3, 1])
    let y = try ramp([10])
    XCTAssertEqual(
      try y.subscripted([.slice(start: 7, stop: 2, step: -2)]).numpyRepr, "array([7, 5, 3])")
    XCTAssertEqual(
      try y.subscripted([.slice(start: -3, stop: nil, step: nil)]).numpyRepr, "array([7, 8, 9])")
    XCTAssertEqual(try y.subscripted([.slice(start: nil, stop: 100, step: nil)]).count, 10)
    let z = try ramp([2, 3, 4, 5])
    XCTAssertEqual(try z.subscripted([.index(1), .ellipsis, .index(2)]).shape, [3, 4])
    XCTAssertEqual(
      try z.subscripted([all, .newAxis, .ellipsis, .newAxis]).shape, [2, 1, 3, 4, 5, 1])
  }

  func testBasicIndexingMakesViews() throws {
    let x = try ramp([10])
    try x.assign([.slice(start: nil, stop: nil, step: 3)], NDArray(scalar: Int64(-1)))
    XCTAssertEqual(x.numpyRepr, "array([-1,  1,  2, -1,  4,  5, -1,  7,  8, -1])")
    let row = try ramp([3, 4]).subscripted([.index(1)])
    try row.assign([.index(0)], NDArray(scalar: Int64(99)))
    XCTAssertEqual(row.values(as: Int64.self), [99, 5, 6, 7])
  }

  func testMasksAndIntegerArrays() throws {
    let x = try ramp([3, 4])
    XCTAssertEqual(
      try x.subscripted([.array(try mask(x, greaterThan: 5))]).numpyRepr,
      "array([ 6,  7,  8,  9, 10, 11])")
    XCTAssertEqual(
      try x.subscripted([.array(try indices([0, 2]))]).numpyRepr,
      "array([[ 0,  1,  2,  3],\n       [ 8,  9, 10, 11]])")
    XCTAssertEqual(
      try x.subscripted([.array(try indices([0, 2])), .array(try indices([1, 3]))]).numpyRepr,
      "array([ 1, 11])")
    XCTAssertEqual(
      try x.subscripted([all, .array(try indices([3, 0]))]).numpyRepr,
      "array([[ 3,  0],\n       [ 7,  4],\n       [11,  8]])")
    let y = try ramp([2, 3, 4])
    XCTAssertEqual(
      try y.subscripted([all, .array(try indices([0, 2])), .index(1)]).numpyRepr,
      "array([[ 1,  9],\n       [13, 21]])")
    XCTAssertEqual(
      try y.subscripted([.index(0), all, .array(try indices([1, 2]))]).shape, [2, 3])
    XCTAssertEqual(
      try y.subscripted([.array(try indices([1, 0])), all, .array(try indices([1, 2]))]).numpyRepr,
      "array([[13, 17, 21],\n       [ 2,  6, 10]])")
  }

  func testAssignmentThroughMasksAndArrays() throws {
    let x = try ramp([3, 4])
    try x.assign([.array(try mask(x, greaterThan: 5))], NDArray(scalar: Int64(0)))
    XCTAssertEqual(x.numpyRepr, "array([[0, 1, 2, 3],\n       [4, 5, 0, 0],\n       [0, 0, 0, 0]])")
    let y = try ramp([3, 4])
    try y.assign([all, .array(try indices([1, 2]))], try array([7, 8], nil, .int64))
    XCTAssertEqual(
      y.numpyRepr, "array([[ 0,  7,  8,  3],\n       [ 4,  7,  8,  7],\n       [ 8,  7,  8, 11]])")
  }

  func testExtremeStepsDoNotOverflow() throws {
    let x = try ramp([5])
    XCTAssertEqual(
      try x.subscripted([.slice(start: nil, stop: nil, step: Int.max)]).values(as: Int64.self), [0])
    XCTAssertEqual(
      try x.subscripted([.slice(start: nil, stop: nil, step: Int.min)]).values(as: Int64.self), [4])
    XCTAssertEqual(
      try x.subscripted([.slice(start: Int.min, stop: Int.max, step: nil)]).count, 5)
  }

  func testIndexErrors() throws {
    assertThrows(.indexError, "index 7 is out of bounds for axis 0 with size 5") {
      _ = try ramp([5]).subscripted([.index(7)])
    }
    assertThrows(.indexError, "index -6 is out of bounds for axis 0 with size 5") {
      _ = try ramp([5]).subscripted([.array(try self.indices([1, -6]))])
    }
    assertThrows(
      .indexError, "too many indices for array: array is 1-dimensional, but 2 were indexed"
    ) {
      _ = try ramp([5]).subscripted([.index(0), .index(0)])
    }
    assertThrows(
      .indexError,
      "boolean index did not match indexed array along axis 0; size of axis is 5 but size of"
        + " corresponding boolean axis is 3"
    ) {
      _ = try ramp([5]).subscripted([.array(try array([1, 0, 1], nil, .bool))])
    }
  }
}
