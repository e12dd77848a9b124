import Language
import XCTest

/// The messages of errors whose type and place the corpus checks: each is
/// the text CPython, NumPy, Keras or matplotlib gives for the same program.
final class MessageTests: XCTestCase {
  private func assertMessage(
    _ source: String, _ type: String, _ message: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let (outcome, _) = CorpusRunner.run(source, file: "message.py")
    XCTAssertEqual(outcome?.type, type, outcome?.message ?? "ran", file: file, line: line)
    XCTAssertEqual(outcome?.message, message, file: file, line: line)
  }

  private func assertRuns(_ source: String, file: StaticString = #filePath, line: UInt = #line) {
    let (outcome, _) = CorpusRunner.run(source, file: "runs.py")
    XCTAssertNil(outcome, outcome.map { "\($0.type): \($0.message)" } ?? "", file: file, line: line)
  }

  func testPercentFormatNamesTheWrongType() {
    assertMessage(
      "s = '%d' % 'a'\n", "TypeError", "%d format: a real number is required, not str")
    assertMessage(
      "s = '%x' % 1.5\n", "TypeError", "%x format: an integer is required, not float")
    assertMessage("s = '%f' % None\n", "TypeError", "must be real number, not NoneType")
    assertMessage(
      "s = '%d' % float('nan')\n", "ValueError", "cannot convert float NaN to integer")
    assertMessage(
      "s = '%d' % float('inf')\n", "OverflowError", "cannot convert float infinity to integer")
    assertRuns("assert '%d|%5.1f' % (7.9, 2.25) == '7|  2.2'\n")
  }

  func testTwoExpressionsInBracketsSuggestAComma() {
    let forgot = "invalid syntax. Perhaps you forgot a comma?"
    assertMessage("y = (1 2)\n", "SyntaxError", forgot)
    assertMessage("y = [a, b c]\n", "SyntaxError", forgot)
    assertMessage("print('a' 'b' x)\n", "SyntaxError", forgot)
    assertMessage("x = 1 2\n", "SyntaxError", "invalid syntax")
  }

  func testPythonTwoPrintAsksForParentheses() {
    assertMessage(
      "print \"hello\"\n", "SyntaxError",
      "Missing parentheses in call to 'print'. Did you mean print(...)?")
    assertRuns("print\nprint(1)\n")
  }

  func testGlobalAfterAUseIsASyntaxError() {
    assertMessage(
      "def f():\n    x = 1\n    global x\n", "SyntaxError",
      "name 'x' is assigned to before global declaration")
    assertMessage(
      "def f():\n    print(x)\n    global x\n", "SyntaxError",
      "name 'x' is used prior to global declaration")
    assertMessage(
      "def f(x):\n    global x\n", "SyntaxError", "name 'x' is parameter and global")
    assertRuns("x = 0\ndef f():\n    global x\n    x = 2\nf()\nassert x == 2\n")
  }

  func testTabsAndSpacesThatDisagreeAreATabError() {
    let message = "inconsistent use of tabs and spaces in indentation"
    assertMessage("if True:\n\tx = 1\n        y = 2\n", "TabError", message)
    assertMessage("if True:\n        x = 1\n\ty = 2\n", "TabError", message)
    // Tabs alone, or the same mix on every line, are consistent.
    assertRuns("if True:\n\tx = 1\n\tif x:\n\t\ty = 2\nassert y == 2\n")
    assertRuns("if True:\n\t  x = 1\n\t  y = 2\nassert y == 2\n")
  }

  func testSourceThatIsNotUTF8IsASyntaxErrorAtTheByte() {
    let bytes = Array("x = 1\ny = 'ab".utf8) + [0xFF] + Array("'\n".utf8)
    XCTAssertThrowsError(try SourceDecoding.decode(bytes, origin: SourceOrigin(file: "u.py"))) {
      let error = $0 as? PyError
      XCTAssertEqual(error?.type.name, "SyntaxError")
      XCTAssertEqual(
        error?.message,
        "(unicode error) 'utf-8' codec can't decode byte 0xff in position 7: invalid start byte")
      XCTAssertEqual(error?.location?.line, 2)
      XCTAssertEqual(error?.location?.column, 8)
    }
    let truncated = Array("s = 'é".utf8) + [0xE2, 0x82]
    XCTAssertThrowsError(try SourceDecoding.decode(truncated, origin: SourceOrigin(file: "u.py"))) {
      XCTAssertEqual(
        ($0 as? PyError)?.message,
        "(unicode error) 'utf-8' codec can't decode byte 0xe2 in position 7: "
          + "unexpected end of data")
      XCTAssertEqual(($0 as? PyError)?.location?.column, 7)
    }
    // A surrogate's encoding is not UTF-8 either.
    let surrogate = Array("s = '".utf8) + [0xED, 0xA0, 0x80]
    XCTAssertThrowsError(try SourceDecoding.decode(surrogate, origin: SourceOrigin(file: "u.py")))
    let good = Array("s = 'é€𝄞'\n".utf8)
    XCTAssertEqual(
      try SourceDecoding.decode(good, origin: SourceOrigin(file: "u.py")), "s = 'é€𝄞'\n")
  }

  func testMeshgridAndHistRejectBadOptions() {
    assertMessage(
      "import numpy as np\ng = np.meshgrid(np.ones(2), indexing='q')\n", "ValueError",
      "Valid values for `indexing` are 'xy' and 'ij'.")
    assertMessage(
      "import matplotlib.pyplot as plt\nplt.hist([1, 2], bins=0)\n", "ValueError",
      "`bins` must be positive, when an integer")
    assertRuns(
      "import numpy as np\nx, y = np.meshgrid(np.arange(3), np.arange(2), indexing='ij')\n"
        + "assert x.shape == (3, 2)\n")
  }

  func testPlotKeywordsMatplotlibDoesNotKnowAreErrors() {
    let plt = "import matplotlib.pyplot as plt\n"
    assertMessage(
      plt + "plt.plot([1, 2], [1, 2], colr='r')\n", "AttributeError",
      "Line2D.set() got an unexpected keyword argument 'colr'")
    assertMessage(
      plt + "plt.scatter([1], [2], sz=3)\n", "AttributeError",
      "PathCollection.set() got an unexpected keyword argument 'sz'")
    assertMessage(
      plt + "plt.title('t', fontsise=3)\n", "AttributeError",
      "Text.set() got an unexpected keyword argument 'fontsise'")
    assertMessage(
      plt + "plt.legend(location='best')\n", "TypeError",
      "Legend.__init__() got an unexpected keyword argument 'location'")
    assertMessage(
      plt + "f = plt.figure(figsise=(3, 2))\n", "TypeError",
      "Figure.__init__() got an unexpected keyword argument 'figsise'")
    assertRuns(
      plt + "plt.figure(figsize=(4, 3), dpi=80)\n"
        + "plt.plot([1, 2], [3, 4], 'r--', linewidth=2, lw=1, alpha=0.5, label='a', ms=3)\n"
        + "plt.scatter([1], [2], s=4, c='k', edgecolors='w', linewidths=1, zorder=3)\n"
        + "plt.imshow([[0, 1], [1, 0]], cmap='gray', origin='lower', extent=(0, 1, 0, 1))\n"
        + "plt.title('t', fontsize=12, pad=4)\nplt.xlabel('x', labelpad=2)\n"
        + "plt.legend(loc='upper right', fontsize=8, frameon=False)\nplt.close()\n")
  }

  func testToCategoricalMakesFloat32OneHotRows() {
    assertRuns(
      """
      import numpy as np
      from tensorflow import keras
      y = keras.utils.to_categorical(np.array([0, 2, 1, 2]), num_classes=4)
      assert y.dtype == np.float32
      assert y.shape == (4, 4)
      assert y.tolist() == [[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 1, 0]]
      z = keras.utils.to_categorical([[1], [0]])
      assert z.shape == (2, 2)
      assert z.tolist() == [[0, 1], [1, 0]]
      w = keras.utils.to_categorical(np.array([[0, 1], [1, 1]]), 2)
      assert w.shape == (2, 2, 2)
      assert w[0, 0].tolist() == [1, 0]

      """)
    assertMessage(
      "from tensorflow import keras\ny = keras.utils.to_categorical([0, 5], num_classes=3)\n",
      "IndexError", "index 5 is out of bounds for axis 1 with size 3")
  }

  func testAModelRejectsInputsOfAnotherShapeWithTheSameSize() {
    let model = """
      import numpy as np
      from tensorflow import keras
      from tensorflow.keras import layers
      m = keras.Sequential([keras.Input((2, 3)), layers.Flatten(), layers.Dense(1)], name="net")

      """
    assertMessage(
      model + "p = m.predict(np.ones((4, 3, 2, 1)), verbose=0)\n", "ValueError",
      "Input 0 of layer \"net\" is incompatible with the layer: expected"
        + " shape=(None, 2, 3), found shape=(None, 3, 2)")
    // A trailing axis of size 1 is dropped, as Keras does.
    assertRuns(
      model + "p = m.predict(np.ones((4, 2, 3, 1)), verbose=0)\nassert p.shape == (4, 1)\n")
  }

}
