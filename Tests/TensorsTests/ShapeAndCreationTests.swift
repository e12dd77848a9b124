import Tensors
import XCTest

/// Reshaping, joining, creation, sorting and products.
final class ShapeAndCreationTests: XCTestCase {
  func testReshapeTransposeAndErrors() throws {
    let data = try NDArray.arange(start: 1, stop: 11, dtype: .int64).reshaped([5, 2])
    XCTAssertEqual(
      try data.transposed().numpyRepr, "array([[ 1,  3,  5,  7,  9],\n       [ 2,  4,  6,  8, 10]])"
    )
    XCTAssertEqual(try ramp([2, 3]).reshaped([-1, 2]).shape, [3, 2])
    XCTAssertEqual(try ramp([2, 3, 4]).transposed([2, 0, 1]).shape, [4, 2, 3])
    assertThrows(.valueError, "cannot reshape array of size 10 into shape (3, 4)") {
      _ = try ramp([10]).reshaped([3, 4])
    }
    let t = try ramp([2, 3]).transposed()
    XCTAssertEqual(try t.reshaped([6]).values(as: Int64.self), [0, 3, 1, 4, 2, 5])
    XCTAssertEqual(try ramp([1, 3, 1]).squeezed().shape, [3])
    XCTAssertEqual(try ramp([3]).expandingDims(-1).shape, [3, 1])
  }

  func testConcatenateAndStack() throws {
    let joined = try NDArray.concatenate([try ramp([2, 2]), try ramp([1, 2])])
    XCTAssertEqual(joined.numpyRepr, "array([[0, 1],\n       [2, 3],\n       [0, 1]])")
    let doubled = try NDArray.binary(.multiply, .array(try ramp([3])), .int(2))
    XCTAssertEqual(
      try NDArray.stack([try ramp([3]), doubled], axis: 1).numpyRepr,
      "array([[0, 0],\n       [1, 2],\n       [2, 4]])")
  }

  func testCreation() throws {
    XCTAssertEqual(
      try NDArray.arange(start: 0, stop: 1, step: 0.25, dtype: .float64).numpyRepr,
      "array([0.  , 0.25, 0.5 , 0.75])")
    XCTAssertEqual(
      try NDArray.linspace(start: 0, stop: 1, num: 5).numpyRepr,
      "array([0.  , 0.25, 0.5 , 0.75, 1.  ])")
    XCTAssertEqual(
      try NDArray.eye(2, 3, k: 1).numpyRepr, "array([[0., 1., 0.],\n       [0., 0., 1.]])")
    let grids = try NDArray.meshgrid([try ramp([3]), try ramp([2])])
    XCTAssertEqual(grids[0].numpyRepr, "array([[0, 1, 2],\n       [0, 1, 2]])")
    XCTAssertEqual(grids[1].numpyRepr, "array([[0, 0, 0],\n       [1, 1, 1]])")
  }

  func testSortingUniqueAndBincount() throws {
    XCTAssertEqual(
      try array([3, 1, .nan, 2]).argsort().numpyRepr, "array([1, 3, 0, 2])")
    XCTAssertEqual(
      try array([3, 1, 2, 9, 7, 8], [2, 3], .int64).sorted(axis: 0).numpyRepr,
      "array([[3, 1, 2],\n       [9, 7, 8]])")
    let (values, counts) = try array([3, 1, 3, 2, 1, 3], nil, .int64).unique()
    XCTAssertEqual(values.numpyRepr, "array([1, 2, 3])")
    XCTAssertEqual(counts.numpyRepr, "array([2, 1, 3])")
    XCTAssertEqual(
      try array([0, 1, 1, 3], nil, .int64).bincount().numpyRepr, "array([1, 2, 0, 1])")
  }

  func testMatrixProductsAndNorms() throws {
    let a = try NDArray.arange(start: 1, stop: 7, dtype: .float32).reshaped([2, 3])
    let b = try ramp([3, 2], .float32)
    XCTAssertEqual(
      try NDArray.matmul(a, b).numpyRepr,
      "array([[16., 22.],\n       [34., 49.]], dtype=float32)")
    XCTAssertEqual(
      try NDArray.dot(try array([1, 2, 3]), try array([4, 5, 6])).scalarText(), "32.0")
    XCTAssertEqual(
      try NDArray.matmul(try array([1, 2, 3, 4], [2, 2], .int64), try array([1, 1], nil, .int64))
        .numpyRepr, "array([3, 7])")
    assertThrows(
      .valueError,
      "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature"
        + " (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)"
    ) {
      _ = try NDArray.matmul(try ramp([2, 3]), try ramp([2, 2]))
    }
    XCTAssertEqual(try array([3, 4]).norm().scalarText(), "5.0")
    XCTAssertEqual(
      try ramp([2, 3]).norm(axes: [1]).numpyRepr, "array([2.23606798, 7.07106781])")
  }

  func testHugeShapesRaiseMemoryError() throws {
    assertThrows(
      .memoryError,
      "Unable to allocate 7.28 TiB for an array with shape (100000, 100000, 100) and data type"
        + " float64"
    ) {
      _ = try NDArray(zeros: [100000, 100000, 100], dtype: .float64)
    }
    XCTAssertThrowsError(try NDArray(zeros: [Int.max, Int.max], dtype: .float32))
    XCTAssertThrowsError(try ramp([4]).reshaped([Int.max, 4]))
  }

  func testSeededRandomIsReproducible() throws {
    var first = RandomGenerator(seed: 42)
    var second = RandomGenerator(seed: 42)
    let a = try first.uniform([1000])
    XCTAssertEqual(a.values(as: Double.self), try second.uniform([1000]).values(as: Double.self))
    XCTAssertLessThan(abs(try a.reduce(.mean).double(atOffset: 0) - 0.5), 0.05)
    let picks = try first.integers([500], low: 3, high: 7).values(as: Int64.self)
    XCTAssertEqual(Set(picks), [3, 4, 5, 6])
    let normal = try first.normal([20000], mean: 1, deviation: 2)
    XCTAssertLessThan(abs(try normal.reduce(.mean).double(atOffset: 0) - 1), 0.05)
    XCTAssertLessThan(abs(try normal.standardDeviation().double(atOffset: 0) - 2), 0.05)
    XCTAssertEqual(first.permutation(10).sorted(), Array(0..<10))
  }
}
