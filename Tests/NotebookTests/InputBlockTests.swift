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

  func testContinuationClausesMoveOutToTheirHeader() {
    let ifBlock = "if x > 0:\n    y = 1"
    XCTAssertEqual(InputBlock.dedentingContinuation("    else:", after: ifBlock), "else:")
    XCTAssertEqual(
      InputBlock.dedentingContinuation("    elif x < 0:", after: ifBlock), "elif x < 0:")
    XCTAssertEqual(
      InputBlock.dedentingContinuation("    else:  # rest", after: ifBlock), "else:  # rest")

    let tryBlock = "def f():\n    try:\n        g()"
    XCTAssertEqual(
      InputBlock.dedentingContinuation("        except ValueError as e:", after: tryBlock),
      "    except ValueError as e:")
    XCTAssertEqual(
      InputBlock.dedentingContinuation(
        "        finally:", after: tryBlock + "\n    except ValueError:\n        pass"),
      "    finally:")

    // Already at the header's depth, or not a clause: left alone.
    let nested = "if a:\n    if b:\n        c = 1"
    XCTAssertEqual(InputBlock.dedentingContinuation("        else:", after: nested), "    else:")
    XCTAssertEqual(InputBlock.dedentingContinuation("    else:", after: nested), "    else:")
    XCTAssertEqual(
      InputBlock.dedentingContinuation("    elsewhere = 1", after: ifBlock),
      "    elsewhere = 1")
    XCTAssertEqual(InputBlock.dedentingContinuation("    else_:", after: ifBlock), "    else_:")
    XCTAssertEqual(
      InputBlock.dedentingContinuation("    except:", after: ifBlock), "    except:")
    XCTAssertEqual(InputBlock.dedentingContinuation("else:", after: ifBlock), "else:")
  }
}
