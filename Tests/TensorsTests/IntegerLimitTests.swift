import Tensors
import XCTest

/// Integers near int64's limits, casts of non-finite floats, and sizes
/// taken from data: each prints or fails as NumPy does, never trapping.
final class IntegerLimitTests: XCTestCase {
  func testInt64ExtremesPrintExactly() throws {
    let extremes = try NDArray([Int64.max], shape: [1])
    XCTAssertEqual(extremes.numpyString, "[9223372036854775807]")
    XCTAssertEqual(extremes.numpyRepr, "array([9223372036854775807])")

    let lowest = try NDArray([Int64.min, 5], shape: [2])
    XCTAssertEqual(lowest.numpyRepr, "array([-9223372036854775808,                    5])")

    let scalar = NDArray(scalar: Int64.max)
    XCTAssertEqual(scalar.numpyRepr, "array(9223372036854775807)")
    XCTAssertEqual(scalar.scalarText(), "9223372036854775807")
  }

  func testIntegersBeyondDoublePrecisionKeepEveryDigit() throws {
    let values = try NDArray([Int64(9_007_199_254_740_993), 0], shape: [2])
    XCTAssertEqual(values.numpyString, "[9007199254740993                0]")
  }

  func testInt64AdditionWrapsAroundAsNumPy() throws {
    let sums = try NDArray.binary(.add, .array(try ramp([3])), .int(Int64.max))
    XCTAssertEqual(
      sums.numpyRepr,
      "array([ 9223372036854775807, -9223372036854775808, -9223372036854775807])")
  }

  func testNonFiniteFloatsCastToTheIntegerMinimum() throws {
    let floats = try array([.nan, .infinity, 3e9, -3e9])
    XCTAssertEqual(
      try floats.astype(.int32).values(as: Int32.self),
      [Int32.min, Int32.min, Int32.min, Int32.min])
    XCTAssertEqual(
      try floats.astype(.int64).values(as: Int64.self),
      [Int64.min, Int64.min, 3_000_000_000, -3_000_000_000])
  }

  func testBincountSizesFromDataRaiseInsteadOfTrapping() throws {
    let huge = try NDArray([Int64(1_000_000_000_000)], shape: [1])
    XCTAssertThrowsError(try huge.bincount(minLength: 0)) {
      XCTAssertEqual(($0 as? TensorError)?.kind, .memoryError)
    }
    let largest = try NDArray([Int64.max], shape: [1])
    XCTAssertThrowsError(try largest.bincount()) {
      XCTAssertEqual(($0 as? TensorError)?.kind, .memoryError)
    }
    assertThrows(.valueError, "'minlength' must not be negative") {
      _ = try NDArray([Int64(1)], shape: [1]).bincount(minLength: -1)
    }
  }

  func testCreationSizesFromDataRaiseMemoryError() throws {
    let attempts: [() throws -> NDArray] = [
      { try NDArray.arange(start: 0, stop: 1e12, dtype: .int64) },
      { try NDArray.linspace(start: 0, stop: 1, num: 1_000_000_000_000) },
      { try NDArray.eye(10_000_000) },
      { try NDArray.full([1_000_000, 1_000_000], value: 0, dtype: .float64) },
      { try NDArray.full([Int.max, Int.max], value: 1, dtype: .float64) },
      {
        try NDArray.meshgrid([
          try NDArray.arange(start: 0, stop: 100_000, dtype: .int64),
          try NDArray.arange(start: 0, stop: 1_000_000, dtype: .int64),
        ])[0]
      },
    ]
    for attempt in attempts {
      XCTAssertThrowsError(try attempt()) {
        XCTAssertEqual(($0 as? TensorError)?.kind, .memoryError, "\($0)")
      }
    }
    assertThrows(.valueError, "arange: cannot compute length") {
      _ = try NDArray.arange(start: 0, stop: .nan, dtype: .float64)
    }
  }

  func testFarDiagonalOfEyeIsEmpty() throws {
    let eye = try NDArray.eye(2, k: Int.max)
    XCTAssertEqual(eye.values(as: Double.self), [0, 0, 0, 0])
  }
}
