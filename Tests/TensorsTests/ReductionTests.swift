import Tensors
import XCTest

/// Reductions over axes, checked against NumPy's results.
final class ReductionTests: XCTestCase {
  func testFloat32SumsRoundAsNumPysPairwiseSum() throws {
    let a = try NDArray.binary(
      .multiply, .array(try NDArray.arange(start: 0, stop: 100_000, dtype: .float32)),
      .array(NDArray(scalar: Float(0.1))))
    XCTAssertEqual(try a.reduce(.sum).scalarText(), "4.9999498e+08")
    XCTAssertEqual(try a.reduce(.mean).scalarText(), "4999.9497")
    XCTAssertEqual(try a.standardDeviation().scalarText(), "2886.7515")
  }

  func testAxesTuplesAndKeepdims() throws {
    let b = try NDArray.binary(.trueDivide, .array(try ramp([3, 4], .float64)), .int(7))
    XCTAssertEqual(
      try b.reduce(.sum, axes: [0]).numpyRepr,
      "array([1.71428571, 2.14285714, 2.57142857, 3.        ])")
    XCTAssertEqual(try b.reduce(.mean, axes: [0, 1]).scalarText(), "0.7857142857142857")
    XCTAssertEqual(
      try b.variance(axes: [1], ddof: 1).numpyRepr, "array([0.03401361, 0.03401361, 0.03401361])")
    XCTAssertEqual(try b.standardDeviation().scalarText(), "0.4931503613620947")
    let x = try ramp([2, 3, 4])
    XCTAssertEqual(try x.reduce(.sum, axes: [0, 2]).numpyRepr, "array([ 60,  92, 124])")
    XCTAssertEqual(
      try x.reduce(.max, axes: [-1], keepdims: true).numpyRepr,
      "array([[[ 3],\n        [ 7],\n        [11]],\n\n"
        + "       [[15],\n        [19],\n        [23]]])")
    XCTAssertEqual(
      try x.reduce(.prod, axes: [0]).numpyRepr,
      "array([[  0,  13,  28,  45],\n       [ 64,  85, 108, 133],\n       [160, 189, 220, 253]])")
  }

  func testArgExtremaCumsumAndLogic() throws {
    let x = try array([1, 5, 3, 7, 2, 7], [2, 3], .int64)
    XCTAssertEqual(try x.reduce(.argmax, axes: [1]).numpyRepr, "array([1, 0])")
    XCTAssertEqual(try x.reduce(.argmin).scalarText(), "0")
    XCTAssertEqual(
      try array([3, 1, 2], nil, .int64).cumulativeSum(axis: nil).numpyRepr, "array([3, 4, 6])")
    XCTAssertEqual(
      try ramp([2, 3]).cumulativeSum(axis: 0).numpyRepr, "array([[0, 1, 2],\n       [3, 5, 7]])")
    XCTAssertEqual(try array([0, 1, 0], nil, .bool).reduce(.any).scalarText(), "True")
    XCTAssertEqual(try array([0, 1, 0], nil, .bool).reduce(.all).scalarText(), "False")
    XCTAssertEqual(try array([.nan, 1]).reduce(.max).scalarText(), "nan")
  }

  func testEmptyAndBadAxes() throws {
    assertThrows(
      .valueError, "zero-size array to reduction operation maximum which has no identity"
    ) {
      _ = try ramp([0]).reduce(.max)
    }
    assertThrows(.valueError, "axis 2 is out of bounds for array of dimension 2") {
      _ = try ramp([2, 2]).reduce(.sum, axes: [2])
    }
    XCTAssertEqual(try ramp([0]).reduce(.sum).scalarText(), "0")
  }

  func testLargeSumUsesBothHalves() throws {
    let n = 4_000_000
    let ones = try NDArray.full([n], value: 1, dtype: .float32)
    XCTAssertEqual(try ones.reduce(.sum).scalarText(), "4e+06")
    let rows = try NDArray.full([2000, 2000], value: 0.5, dtype: .float64)
    XCTAssertEqual(try rows.reduce(.sum, axes: [1]).values(as: Double.self)[1999], 1000)
  }
}

/// Scalar texts as NumPy 2 prints them.
final class ScalarTextTests: XCTestCase {
  func testFloat32AndFloat64Thresholds() {
    XCTAssertEqual(formatScalarFloat(999_999, single: true), "999999.0")
    XCTAssertEqual(formatScalarFloat(9_999_998, single: true), "9.999998e+06")
    XCTAssertEqual(formatScalarFloat(1_048_576.5, single: true), "1.0485765e+06")
    XCTAssertEqual(formatScalarFloat(Double(Float(1e-4)), single: true), "1e-04")
    XCTAssertEqual(formatScalarFloat(0.00012345, single: false), "0.00012345")
    XCTAssertEqual(formatScalarFloat(123_456_789, single: false), "123456789.0")
    XCTAssertEqual(formatScalarFloat(1e16, single: false), "1e+16")
    XCTAssertEqual(formatScalarFloat(34, single: true), "34.0")
    XCTAssertEqual(formatScalarFloat(Double(Float(0.827451)), single: true), "0.827451")
  }
}
