import XCTest
import Library

final class LibrarySmokeTests: XCTestCase {
  func testModuleLinks() {
    XCTAssertEqual(1 + 1, 2)
  }
}
