import Tensors
import XCTest

/// Makes an array from row-major values, cast to `dtype`.
func array(_ values: [Double], _ shape: [Int]? = nil, _ dtype: DType = .float64) throws
  -> NDArray
{
  try NDArray(values, shape: shape ?? [values.count]).astype(dtype)
}

/// `np.arange(n).reshape(shape)` as int64.
func ramp(_ shape: [Int], _ dtype: DType = .int64) throws -> NDArray {
  let count = shape.reduce(1, *)
  return try NDArray((0..<count).map(Double.init), shape: shape).astype(dtype)
}

/// Asserts that running `body` throws a TensorError of `kind` with
/// exactly `message`.
func assertThrows(
  _ kind: TensorError.Kind, _ message: String, file: StaticString = #filePath,
  line: UInt = #line, _ body: () throws -> Void
) {
  do {
    try body()
    XCTFail("expected \(kind.rawValue): \(message)", file: file, line: line)
  } catch let error as TensorError {
    XCTAssertEqual(error.kind, kind, file: file, line: line)
    XCTAssertEqual(error.message, message, file: file, line: line)
  } catch {
    XCTFail("unexpected error \(error)", file: file, line: line)
  }
}
