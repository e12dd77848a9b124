import Tensors
import XCTest

/// Element-wise operators and maps, checked against NumPy's results.
final class ElementwiseTests: XCTestCase {
  func testPromotionTable() {
    XCTAssertEqual(DType.promote(.uint8, .int32), .int32)
    XCTAssertEqual(DType.promote(.int32, .float32), .float64)
    XCTAssertEqual(DType.promote(.uint8, .float32), .float32)
    XCTAssertEqual(DType.promote(.bool, .uint8), .uint8)
    XCTAssertEqual(DType.promote(.int64, .float32), .float64)
    XCTAssertEqual(DType.float32.promote(weak: .float), .float32)
    XCTAssertEqual(DType.int64.promote(weak: .float), .float64)
    XCTAssertEqual(DType.bool.promote(weak: .int), .int64)
    XCTAssertEqual(DType.uint8.promote(weak: .int), .uint8)
  }

  func testScalarsAreWeak() throws {
    let x = try array([1, 2, 3], nil, .float32)
    XCTAssertEqual(
      try NDArray.binary(.multiply, .array(x), .float(2)).numpyRepr,
      "array([2., 4., 6.], dtype=float32)")
    let ints = try array([1, 2, 3], nil, .int64)
    XCTAssertEqual(
      try NDArray.binary(.trueDivide, .array(ints), .int(2)).numpyRepr, "array([0.5, 1. , 1.5])")
    let small = try array([1, 2, 3], nil, .uint8)
    XCTAssertEqual(
      try NDArray.binary(.add, small, try array([1], nil, .int32)).numpyRepr,
      "array([2, 3, 4], dtype=int32)")
    XCTAssertEqual(
      try NDArray.binary(
        .multiply, try array([1, 2], nil, .int32), try array([1.5], nil, .float32)
      )
      .numpyRepr,
      "array([1.5, 3. ])")
  }

  func testBroadcastingAndItsError() throws {
    let x = try ramp([2, 3])
    let y = try array([10, 20, 30], nil, .int64)
    XCTAssertEqual(
      try NDArray.binary(.add, x, y).numpyRepr, "array([[10, 21, 32],\n       [13, 24, 35]])")
    let column = try array([1, 2], [2, 1])
    XCTAssertEqual(try NDArray.binary(.multiply, column, y).shape, [2, 3])
    assertThrows(.valueError, "operands could not be broadcast together with shapes (5,2) (3,) ") {
      _ = try NDArray.binary(.add, try ramp([5, 2]), try ramp([3]))
    }
  }

  func testFloorDivisionAndModuloFollowPython() throws {
    let a = try array([-7, 7, -7, 7], nil, .int64)
    let b = try array([2, 2, -2, -2], nil, .int64)
    XCTAssertEqual(try NDArray.binary(.floorDivide, a, b).numpyString, "[-4  3  3 -4]")
    XCTAssertEqual(try NDArray.binary(.remainder, a, b).numpyString, "[ 1  1 -1 -1]")
    let f = try array([-7.5, 7.5])
    XCTAssertEqual(
      try NDArray.binary(.floorDivide, .array(f), .int(2)).numpyRepr, "array([-4.,  3.])")
    XCTAssertEqual(
      try NDArray.binary(.remainder, .array(f), .int(2)).numpyRepr, "array([0.5, 1.5])")
  }

  func testPowerMaximumAndComparisons() throws {
    XCTAssertEqual(
      try NDArray.binary(.power, try array([2, 3], nil, .int64), try array([3, 2], nil, .int64))
        .numpyRepr, "array([8, 9])")
    XCTAssertEqual(
      try NDArray.binary(.power, .array(try array([0.5, 2], nil, .float32)), .int(2)).numpyRepr,
      "array([0.25, 4.  ], dtype=float32)")
    XCTAssertEqual(
      try NDArray.binary(.maximum, .array(try array([1, .nan, 3])), .float(2)).numpyRepr,
      "array([ 2., nan,  3.])")
    XCTAssertEqual(
      try NDArray.binary(.less, .array(try ramp([4])), .float(1.5)).numpyRepr,
      "array([ True,  True, False, False])")
    assertThrows(.valueError, "Integers to negative integer powers are not allowed.") {
      _ = try NDArray.binary(.power, .array(try ramp([3])), .int(-1))
    }
  }

  func testBooleanOperators() throws {
    let p = try array([1, 1, 0, 0], nil, .bool)
    let q = try array([1, 0, 1, 0], nil, .bool)
    XCTAssertEqual(
      try NDArray.binary(.bitwiseAnd, p, q).numpyString, "[ True False False False]")
    XCTAssertEqual(try NDArray.binary(.bitwiseXor, p, q).numpyString, "[False  True  True False]")
    XCTAssertEqual(try p.unary(.invert).numpyString, "[False False  True  True]")
    XCTAssertThrowsError(try NDArray.binary(.subtract, p, q))
  }

  func testUnaryMaps() throws {
    XCTAssertEqual(
      try array([0.5, 1]).unary(.exp).numpyRepr, "array([1.64872127, 2.71828183])")
    XCTAssertEqual(
      try array([1e-10, 1]).unary(.log1p).numpyRepr, "array([1.00000000e-10, 6.93147181e-01])")
    XCTAssertEqual(try array([0.5]).unary(.tanh).numpyRepr, "array([0.46211716])")
    XCTAssertEqual(
      try array([-2, 0, 3], nil, .int64).unary(.sign).numpyRepr, "array([-1,  0,  1])")
    XCTAssertEqual(
      try array([-2.5, 1], nil, .float32).unary(.absolute).numpyRepr,
      "array([2.5, 1. ], dtype=float32)")
    XCTAssertEqual(try array([4, 9], nil, .int64).unary(.sqrt).numpyRepr, "array([2., 3.])")
  }

  func testRoundClipWhere() throws {
    XCTAssertEqual(
      try array([0.5, 1.5, 2.5, -0.5, 1.234567]).rounded().numpyRepr,
      "array([ 0.,  2.,  2., -0.,  1.])")
    XCTAssertEqual(
      try array([1.23456, 2.71828]).rounded(decimals: 2).numpyRepr, "array([1.23, 2.72])")
    XCTAssertEqual(
      try ramp([6]).clip(.int(1), .int(4)).numpyRepr, "array([1, 1, 2, 3, 4, 4])")
    let chosen = try NDArray.select(
      try array([1, 0, 1], nil, .bool), .array(try array([1, 2, 3], nil, .int64)), .float(0.5))
    XCTAssertEqual(chosen.numpyRepr, "array([1. , 0.5, 3. ])")
  }

  func testLargeArraysTakeTheParallelPath() throws {
    let n = 3_000_001
    let a = try NDArray.arange(start: 0, stop: Double(n), dtype: .float32)
    let b = try NDArray.binary(.add, .array(a), .float(1))
    let values = b.values(as: Float.self)
    XCTAssertEqual(values[0], 1)
    XCTAssertEqual(values[n - 1], Float(n))
    XCTAssertEqual(values[n / 2], Float(n / 2 + 1))
    let product = try NDArray.binary(.multiply, a, a)
    XCTAssertEqual(product.values(as: Float.self)[1000], 1_000_000)
  }
  /// Outputs above 64 MiB take the streamed path on every machine: each
  /// element, the first and last of every worker's range, must be right.
  func testLargeOutputsAreStreamedIntact() throws {
    let n = 9_000_003
    let x = try NDArray.arange(start: 0, stop: Double(n), dtype: .float64)
    let y = try NDArray.binary(.multiply, .array(x), .float(2))
    let sum = try NDArray.binary(.add, x, y).values(as: Double.self)
    let negated = try x.unary(.negative).values(as: Double.self)
    let shifted = try NDArray.binary(.subtract, .float(1), .array(x)).values(as: Double.self)
    XCTAssertEqual(sum.count, n)
    var wrong = 0
    for i in 0..<n {
      let v = Double(i)
      if sum[i] != 3 * v || negated[i] != -v || shifted[i] != 1 - v { wrong += 1 }
    }
    XCTAssertEqual(wrong, 0)

    // An int64 view that starts one element in, and a float32 product.
    let ints = try NDArray.arange(start: 0, stop: Double(n), dtype: .int64)
    let tail = try ints.subscripted([.slice(start: 1, stop: nil, step: nil)])
    let doubled = try NDArray.binary(.add, tail, tail).values(as: Int64.self)
    XCTAssertEqual(doubled.first, 2)
    XCTAssertEqual(doubled.last, 2 * Int64(n - 1))
    XCTAssertEqual(doubled[4_500_000], 9_000_002)
  }
}
