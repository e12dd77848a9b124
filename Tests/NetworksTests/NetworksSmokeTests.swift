import XCTest
import Networks

final class NetworksSmokeTests: XCTestCase {
  func testModuleLinks() {
    XCTAssertEqual(1 + 1, 2)
  }
}
