import Notebook
import XCTest

final class SyntaxHighlighterTests: XCTestCase {
  func testTokensGetTheirColoursAndTextIsKept() {
    let source = "def f(x):  # note\n    return 'a#b' + 12"
    let colored = SyntaxHighlighter.highlight(source)
    XCTAssertEqual(Transcript.plainText(colored), source)
    XCTAssertTrue(colored.hasPrefix("\u{1B}[38;5;170mdef\u{1B}[0m f(x):"))
    XCTAssertTrue(colored.contains("\u{1B}[38;5;244m# note\u{1B}[0m"))
    // The `#` inside a string starts no comment.
    XCTAssertTrue(colored.contains("\u{1B}[38;5;107m'a#b'\u{1B}[0m"))
    XCTAssertTrue(colored.contains("\u{1B}[38;5;173m12\u{1B}[0m"))
  }

  func testMultiLineStringsAreColouredLineByLine() {
    let colored = SyntaxHighlighter.highlight("s = \"\"\"one\ntwo\"\"\"")
    XCTAssertEqual(
      colored, "s = \u{1B}[38;5;107m\"\"\"one\u{1B}[0m\n\u{1B}[38;5;107mtwo\"\"\"\u{1B}[0m")
  }
}
