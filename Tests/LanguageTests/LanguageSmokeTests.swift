import XCTest
import Language

final class LanguageSmokeTests: XCTestCase {
  func testModuleLinks() {
    XCTAssertEqual(1 + 1, 2)
  }
}
