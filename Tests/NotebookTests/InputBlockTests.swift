import Notebook
import XCTest

final class InputBlockTests: XCTestCase {
  func testPastedPromptsAreStripped() {
    XCTAssertEqual(
      InputBlock.cleanPaste(">>> def f(x):\n...     return x\n...\n>>> f(2)\n2\n"),
      "def f(x):\n    return x\n\nf(2)")
    XCTAssertEqual(
      InputBlock.cleanPaste("In [3]: for i in range(2):\n   ...:     print(i)\n   ...:\n"),
      "for i in range(2):\n    print(i)\n")
  }

  func testPasteWithoutPromptsKeepsBlankLinesAndDedents() {
    XCTAssertEqual(
      InputBlock.cleanPaste("    def f():\n        a = 1\n\n        return a\n"),
      "def f():\n    a = 1\n\n    return a\n")
  }

  func testIndentationRules() {
    XCTAssertEqual(InputBlock.nextIndentation(after: "def f(x):"), "    ")
    XCTAssertEqual(InputBlock.nextIndentation(after: "    for i in x:  # loop"), "        ")
    XCTAssertEqual(InputBlock.nextIndentation(after: "        y = 2"), "        ")
    XCTAssertEqual(InputBlock.nextIndentation(after: "        return y"), "    ")
    XCTAssertEqual(InputBlock.nextIndentation(after: "s = 'a:'"), "")
    XCTAssertTrue(InputBlock.isCompound("x = 1\nif x:\n    y = 2"))
    XCTAssertFalse(InputBlock.isCompound("d = {'a': 1,\n 'b': 2}"))
  }
}
