import Foundation
import Support
import XCTest

/// Inputs too large to keep as files: very long lines, very deep nesting,
/// and a loop that only an interrupt ends.
final class LimitsTests: XCTestCase {
  private func assertEnds(
    _ source: String, in type: String, line: Int, _ why: String,
    file: StaticString = #filePath, lineNumber: UInt = #line
  ) {
    let (outcome, _) = CorpusRunner.run(source, file: "limits.py")
    XCTAssertEqual(
      outcome?.type, type, "\(why): \(outcome?.message ?? "ran")", file: file,
      line: lineNumber)
    XCTAssertEqual(outcome?.line, line, why, file: file, line: lineNumber)
  }

  func testALineOfAHundredThousandCharactersRuns() {
    let list = "x = [" + String(repeating: "1, ", count: 33_400) + "1]"
    XCTAssertGreaterThanOrEqual(list.count, 100_000)
    assertEnds(list + "\nassert len(x) == 0, 'len'\n", in: "AssertionError", line: 2, "long list")
  }

  func testALongChainOfAdditionsEndsCleanly() {
    // TODO: Python adds 25,000 terms; the parser stops with "expression too
    // deeply nested" because a left-leaning chain counts as nesting.
    let sum = "x = 0" + String(repeating: " + 1", count: 25_000) + "\n"
    let (outcome, _) = CorpusRunner.run(sum, file: "limits.py")
    XCTAssertTrue([nil, "SyntaxError"].contains(outcome?.type), outcome?.message ?? "ran")
  }

  func testALongLineWithASyntaxErrorAtItsEnd() {
    let text = "x = [" + String(repeating: "1, ", count: 33_400) + "1 2]\n"
    XCTAssertGreaterThanOrEqual(text.count, 100_000)
    let (outcome, _) = CorpusRunner.run(text, file: "limits.py")
    XCTAssertEqual(outcome?.type, "SyntaxError")
    XCTAssertEqual(outcome?.line, 1)
    XCTAssertGreaterThan(outcome?.column ?? 0, 100_000)
  }

  func testALongStringLiteral() {
    let text = "s = '" + String(repeating: "a", count: 100_000) + "'\nn = len(s) + None\n"
    assertEnds(text, in: "TypeError", line: 2, "long string")
  }

  func testTenThousandNestedBracketsEndInAnError() {
    for (open, close) in [("[", "]"), ("(", ")"), ("{", "}")] {
      let text =
        "x = " + String(repeating: open, count: 10_000)
        + String(repeating: close, count: 10_000) + "\n"
      let (outcome, _) = CorpusRunner.run(text, file: "limits.py")
      let type = outcome?.type ?? "none"
      // Python stops at 200 levels with SyntaxError; a RecursionError is as
      // good, as long as nothing overflows the stack.
      XCTAssertTrue(
        ["SyntaxError", "RecursionError", "MemoryError"].contains(type),
        "\(open): \(type) \(outcome?.message ?? "")")
    }
  }

  func testTenThousandUnclosedBrackets() {
    let text = "x = " + String(repeating: "[", count: 10_000) + "\n"
    assertEnds(text, in: "SyntaxError", line: 1, "unclosed nesting")
  }

  func testDeeplyNestedUnaryOperators() {
    let text = "x = " + String(repeating: "-", count: 100_000) + "1\n"
    let (outcome, _) = CorpusRunner.run(text, file: "limits.py")
    XCTAssertTrue(["SyntaxError", "RecursionError", nil].contains(outcome?.type))
  }

  func testDeeplyNestedBlocks() {
    var text = ""
    for depth in 0..<1_000 {
      text += String(repeating: " ", count: depth) + "if True:\n"
    }
    text += String(repeating: " ", count: 1_000) + "x = 1 / 0\n"
    let (outcome, _) = CorpusRunner.run(text, file: "limits.py")
    XCTAssertTrue(
      ["SyntaxError", "RecursionError", "IndentationError", "ZeroDivisionError"]
        .contains(outcome?.type ?? "none"), outcome?.message ?? "ran")
  }

  func testInvalidUTF8DecodesToReplacementCharacters() {
    let bytes: [UInt8] = Array("x = 1\ny = ".utf8) + [0xFF, 0xFE, 0x80] + [0x0A]
    let text = String(decoding: bytes, as: UTF8.self)
    assertEnds(text, in: "SyntaxError", line: 2, "invalid bytes")
  }

  func testAnInterruptEndsAnEndlessLoop() {
    Interruption.clear()
    let timer = Thread {
      Thread.sleep(forTimeInterval: 0.5)
      Interruption.request()
    }
    timer.start()
    let start = Date()
    let (outcome, _) = CorpusRunner.run("i = 0\nwhile True:\n    i += 1\n", file: "loop.py")
    Interruption.clear()
    XCTAssertEqual(outcome?.type, "KeyboardInterrupt")
    XCTAssertLessThan(Date().timeIntervalSince(start), 10)
  }

  func testAnInterruptEndsAnEndlessRecursionFreeComputation() {
    Interruption.clear()
    let timer = Thread {
      Thread.sleep(forTimeInterval: 0.5)
      Interruption.request()
    }
    timer.start()
    let source = "import numpy as np\nwhile True:\n    a = np.ones((50, 50)) @ np.ones((50, 50))\n"
    let (outcome, _) = CorpusRunner.run(source, file: "loop.py")
    Interruption.clear()
    XCTAssertEqual(outcome?.type, "KeyboardInterrupt")
    XCTAssertTrue([2, 3].contains(outcome?.line ?? 0), "line \(outcome?.line ?? 0)")
  }
}
