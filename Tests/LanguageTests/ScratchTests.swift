import Foundation
import Language
import XCTest

final class ScratchTests: XCTestCase {
  func testScratch() throws {
    guard let path = ProcessInfo.processInfo.environment["MLS_SCRATCH"] else { return }
    let source = try String(contentsOfFile: path, encoding: .utf8)
    print(runProgram(source, file: "scratch.py", display: .cell))
  }
}
