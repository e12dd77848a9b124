import XCTest
import Notebook

final class NotebookSmokeTests: XCTestCase {
  func testModuleLinks() {
    XCTAssertEqual(1 + 1, 2)
  }
}
