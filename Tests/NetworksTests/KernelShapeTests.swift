import Networks
import Tensors
import XCTest

/// TensorFlow's `same` padding: the extra row or column of padding goes
/// at the bottom and right, and average pooling leaves padding out.
final class KernelShapeTests: XCTestCase {
  func testSamePaddingPutsTheExtraZerosBottomRight() throws {
    let conv = try Conv2D(
      filters: 1, kernelSize: (3, 3), strides: (2, 2), padding: "same", useBias: false,
      name: nil)
    try conv.ensureBuilt([4, 4, 1])
    try conv.setWeights([try NDArray([Float](repeating: 1, count: 9), shape: [3, 3, 1, 1])])
    let ones = try NDArray([Float](repeating: 1, count: 16), shape: [1, 4, 4, 1])
    let result = try conv.call(ones, training: false)
    XCTAssertEqual(result.shape, [1, 2, 2, 1])
    XCTAssertEqual(result.values(as: Float.self), [9, 6, 6, 4])
  }

  func testAveragePoolingSameCountsOnlyRealCells() throws {
    let pool = try Pooling2D(
      mode: .average, poolSize: (2, 2), strides: nil, padding: "same", name: nil)
    let image = try NDArray((1...9).map { Float($0) }, shape: [1, 3, 3, 1])
    let result = try pool.call(image, training: false)
    XCTAssertEqual(result.shape, [1, 2, 2, 1])
    XCTAssertEqual(result.values(as: Float.self), [3, 4.5, 7.5, 9])
  }

  func testValidWindowLargerThanInputIsAValueError() throws {
    let pool = try Pooling2D(
      mode: .max, poolSize: (3, 3), strides: nil, padding: "valid", name: nil)
    let image = try NDArray([Float](repeating: 0, count: 4), shape: [1, 2, 2, 1])
    XCTAssertThrowsError(try pool.call(image, training: false)) { error in
      XCTAssertEqual((error as? TensorError)?.kind, .valueError)
    }
  }
}
