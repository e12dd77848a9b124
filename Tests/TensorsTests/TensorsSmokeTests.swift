import XCTest
import Tensors

final class TensorsSmokeTests: XCTestCase {
  func testModuleLinks() {
    XCTAssertEqual(1 + 1, 2)
  }
}
