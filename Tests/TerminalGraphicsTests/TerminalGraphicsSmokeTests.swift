import XCTest
import TerminalGraphics

final class TerminalGraphicsSmokeTests: XCTestCase {
  func testModuleLinks() {
    XCTAssertEqual(1 + 1, 2)
  }
}
