import Notebook
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Drives the built command through a pseudo-terminal and checks what
/// the screen shows: the REPL and step mode as a user meets them.
final class TerminalSessionTests: XCTestCase {
  private var folder = ""

  override func setUp() { folder = FileHelpers.makeTemporaryFolder("pty") }
  override func tearDown() { _ = try? FileHelpers.remove(folder) }

  private var environment: [String: String] {
    [
      "TERM": "xterm", "NO_COLOR": "1", "HOME": folder, "COLUMNS": "100",
      "MLSCRIPT_HISTORY": folder + "/history", "PATH": "/usr/bin:/bin",
      "INPUTRC": "/dev/null",
    ]
  }

  private func start(_ arguments: [String] = []) throws -> PseudoTerminal {
    try PseudoTerminal(arguments: arguments, environment: environment)
  }

  /// Whether the interpreter runs `probe` yet; the tests that need it
  /// are skipped, saying so, until it does.
  private func requireInterpreter(_ probe: String = "print(6 * 7)", _ expected: String = "42")
    throws
  {
    let terminal = try start(["-c", probe])
    let works = terminal.wait(for: expected, timeout: 30) && terminal.waitForExit() == 0
    try XCTSkipUnless(works, "the interpreter does not run `\(probe)` yet")
  }

  private static let up = "\u{1B}[A"
  private static let pasteStart = "\u{1B}[200~"
  private static let pasteEnd = "\u{1B}[201~"

  func testHistoryIsKeptAcrossTwoRuns() throws {
    let first = try start()
    XCTAssertTrue(first.wait(for: "In [1]: "))
    first.send("weights = 41\r")
    XCTAssertTrue(first.wait(for: "In [2]: "))
    first.send("def double(v):\r")
    XCTAssertTrue(first.wait(for: "...: "))
    first.send("return 2 * v\r")
    XCTAssertTrue(first.wait(for: "...: "))
    first.send("\r")
    XCTAssertTrue(first.wait(for: "In [3]: "))
    first.send("\u{4}")
    XCTAssertEqual(first.waitForExit(), 0)

    let stored = AtomicFile.read(folder + "/history").map { String(decoding: $0, as: UTF8.self) }
    XCTAssertEqual(
      stored, "#mlscript-history-v1\nweights = 41\ndef double(v):\\n    return 2 * v\n")

    let second = try start()
    XCTAssertTrue(second.wait(for: "In [1]: "))
    second.send(Self.up)
    XCTAssertTrue(second.wait(for: "return 2 * v"), second.screen)
    second.send(Self.up)
    XCTAssertTrue(second.wait(for: "weights = 41"), second.screen)
    second.send("\u{3}")
    XCTAssertTrue(second.wait(for: "^C"))
    second.send("exit\r")
    XCTAssertEqual(second.waitForExit(), 0)
  }

  func testTabIndentsAtLineStartAndCompletesNames() throws {
    let terminal = try start()
    XCTAssertTrue(terminal.wait(for: "In [1]: "))
    terminal.send("\t")
    terminal.send("isinst\t")
    XCTAssertTrue(terminal.wait(for: "isinstance"), terminal.screen)
    XCTAssertTrue(terminal.screen.contains("In [1]:     isinstance"), terminal.screen)
    terminal.send("\u{3}")
    // The fresh prompt shows once the line editor owns the terminal again;
    // a ^D sent before that reaches the terminal's own line discipline.
    XCTAssertTrue(terminal.wait(for: "^C\nIn [1]: "), terminal.screen)
    terminal.send("\u{4}")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  func testTabListsModuleAttributesAndElseIsDedented() throws {
    try requireInterpreter()
    let terminal = try start()
    XCTAssertTrue(terminal.wait(for: "In [1]: "))
    terminal.send("import numpy as np\r")
    XCTAssertTrue(terminal.wait(for: "In [2]: "))
    // Nothing more to insert after `np.zeros`: one Tab lists both, by
    // their bare names.
    terminal.send("np.zeros\t")
    XCTAssertTrue(terminal.wait(for: "zeros_like("), terminal.screen)
    XCTAssertFalse(terminal.screen.contains("np.zeros_like("), terminal.screen)
    terminal.send("\u{3}")
    XCTAssertTrue(terminal.wait(for: "^C"))
    terminal.send("np.zeros_l\t")
    XCTAssertTrue(terminal.wait(for: "np.zeros_like("), terminal.screen)
    terminal.send("\u{3}")
    XCTAssertTrue(terminal.wait(for: "^C"))
    terminal.send("if 1 > 2:\r")
    XCTAssertTrue(terminal.wait(for: "...: "))
    terminal.send("print('big')\r")
    terminal.send("else:\r")
    terminal.send("print('small')\r")
    terminal.send("\r")
    // Left at the body's depth, `else:` would be a SyntaxError.
    XCTAssertTrue(terminal.wait(for: "small\n"), terminal.screen)
    XCTAssertFalse(terminal.screen.contains("SyntaxError"), terminal.screen)
    terminal.send("exit\r")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  func testCtrlCAtThePromptClearsTheLine() throws {
    try requireInterpreter()
    let terminal = try start()
    XCTAssertTrue(terminal.wait(for: "In [1]: "))
    terminal.send("this is not code")
    XCTAssertTrue(terminal.wait(for: "not code"))
    terminal.send("\u{3}")
    XCTAssertTrue(terminal.wait(for: "^C\nIn [1]: "), terminal.screen)
    terminal.send("6 * 7\r")
    XCTAssertTrue(terminal.wait(for: "Out[1]: 42"), terminal.screen)
    terminal.send("exit\r")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  func testPastedFunctionWithABlankLineRunsAsOneBlock() throws {
    try requireInterpreter()
    let terminal = try start()
    XCTAssertTrue(terminal.wait(for: "In [1]: "))
    terminal.send(
      Self.pasteStart + ">>> def grow(a):\n...     b = a + 1\n...\n...     return b * 2\n"
        + Self.pasteEnd)
    terminal.send("\r")
    XCTAssertTrue(terminal.wait(for: "In [2]: "), terminal.screen)
    XCTAssertFalse(terminal.screen.contains("Error"), terminal.screen)
    terminal.send("grow(3)\r")
    XCTAssertTrue(terminal.wait(for: "Out[2]: 8"), terminal.screen)
    terminal.send("_ + 1\r")
    XCTAssertTrue(terminal.wait(for: "Out[3]: 9"), terminal.screen)
    terminal.send("Out[2] * _2\r")
    XCTAssertTrue(terminal.wait(for: "Out[4]: 64"), terminal.screen)
    terminal.send("_i2\r")
    XCTAssertTrue(terminal.wait(for: "Out[5]: 'grow(3)'"), terminal.screen)
    terminal.send("exit\r")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  func testCtrlCInterruptsALongLoopAndKeepsVariables() throws {
    try requireInterpreter()
    let terminal = try start()
    XCTAssertTrue(terminal.wait(for: "In [1]: "))
    terminal.send("count = 0\r")
    XCTAssertTrue(terminal.wait(for: "In [2]: "))
    terminal.send("while True:\r")
    XCTAssertTrue(terminal.wait(for: "...: "))
    terminal.send("count += 1\r")
    XCTAssertTrue(terminal.wait(for: "...: "))
    terminal.send("\r")
    usleep(800_000)
    terminal.send("\u{3}")
    XCTAssertTrue(terminal.wait(for: "KeyboardInterrupt"), terminal.screen)
    XCTAssertTrue(terminal.wait(for: "In [3]: "), terminal.screen)
    terminal.send("count > 0\r")
    XCTAssertTrue(terminal.wait(for: "Out[3]: True"), terminal.screen)
    // Keys typed before the line editor is back reach a terminal still in
    // cooked mode, where Ctrl-D is not a key; a user sees the prompt first.
    XCTAssertTrue(terminal.wait(for: "In [4]: "), terminal.screen)
    terminal.send("\u{4}")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  func testCtrlCInterruptsFit() throws {
    try requireInterpreter(
      "import numpy as np\nimport tensorflow as tf\n"
        + "m = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(2)])\n"
        + "m.compile(optimizer='adam', loss='mse')\n"
        + "m.fit(np.zeros((4, 2)), np.zeros((4, 2)), epochs=1, verbose=0)\nprint('fit' + 'ted')",
      "fitted")
    let terminal = try start()
    XCTAssertTrue(terminal.wait(for: "In [1]: "))
    terminal.send(
      Self.pasteStart
        + "import numpy as np\nimport tensorflow as tf\n"
        + "model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), "
        + "tf.keras.layers.Dense(256, activation='relu'), tf.keras.layers.Dense(2)])\n"
        + "model.compile(optimizer='adam', loss='mse')\n"
        + "x = np.zeros((20000, 2)); y = np.zeros((20000, 2))\n" + Self.pasteEnd + "\r")
    XCTAssertTrue(terminal.wait(for: "In [2]: ", timeout: 60), terminal.screen)
    terminal.send("history = model.fit(x, y, epochs=1000, verbose=0)\r")
    usleep(1_500_000)
    terminal.send("\u{3}")
    XCTAssertTrue(terminal.wait(for: "KeyboardInterrupt", timeout: 60), terminal.screen)
    XCTAssertTrue(terminal.wait(for: "In [3]: "), terminal.screen)
    terminal.send("x.shape\r")
    XCTAssertTrue(terminal.wait(for: "Out[3]: (20000, 2)"), terminal.screen)
    terminal.send("exit\r")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  private var lessonPath: String {
    URLPath.repositoryRoot() + "/Tests/NotebookTests/Fixtures/steps.mlscript"
  }

  func testSteppingForwardBackAndToATitledCell() throws {
    try requireInterpreter()
    let terminal = try start([lessonPath])
    XCTAssertTrue(terminal.wait(for: "[1/4]"))
    XCTAssertTrue(terminal.wait(for: "A lesson for the step-mode tests."))
    terminal.send("\r")
    XCTAssertTrue(terminal.wait(for: "[2/4] Greeting"), terminal.screen)
    // The source shows before anything runs.
    XCTAssertTrue(terminal.wait(for: "print(message)"), terminal.screen)
    XCTAssertFalse(terminal.screen.contains("hello from two\n"))
    terminal.send("\r")
    XCTAssertTrue(terminal.wait(for: "hello from two"), terminal.screen)
    XCTAssertTrue(terminal.wait(for: "[3/4] Broken"), terminal.screen)
    terminal.send("p")
    XCTAssertTrue(terminal.wait(for: "[2/4] Greeting"), terminal.screen)
    terminal.send("g")
    XCTAssertTrue(terminal.wait(for: "go to cell"))
    terminal.send("last\r")
    XCTAssertTrue(terminal.wait(for: "[4/4] Last"), terminal.screen)
    terminal.send("l")
    XCTAssertTrue(terminal.wait(for: "3. Broken"), terminal.screen)
    terminal.send("q")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }

  func testAnErrorThenAFixAtTheReplAndARerun() throws {
    try requireInterpreter()
    let terminal = try start([lessonPath])
    XCTAssertTrue(terminal.wait(for: "[1/4]"))
    terminal.send("g")
    XCTAssertTrue(terminal.wait(for: "go to cell"))
    terminal.send("3\r")
    XCTAssertTrue(terminal.wait(for: "[3/4] Broken"), terminal.screen)
    terminal.send("\r")
    XCTAssertTrue(terminal.wait(for: "NameError"), terminal.screen)
    // The traceback names the file line of the failing code, and its cell.
    XCTAssertTrue(
      terminal.screen.contains("steps.mlscript\", line 10, in cell [3/4] Broken"),
      terminal.screen)
    XCTAssertTrue(terminal.wait(for: "Stopped at cell [3/4]"), terminal.screen)
    terminal.send("i")
    XCTAssertTrue(terminal.wait(for: "In [1]: "), terminal.screen)
    terminal.send("missing = 41\r")
    XCTAssertTrue(terminal.wait(for: "In [2]: "), terminal.screen)
    terminal.send("\u{4}")
    XCTAssertTrue(terminal.wait(for: "[3/4]"), terminal.screen)
    terminal.send("r")
    XCTAssertTrue(terminal.wait(for: "[4/4] Last"), terminal.screen)
    terminal.send("\r")
    XCTAssertTrue(terminal.wait(for: "total is 42"), terminal.screen)
    terminal.send("q")
    XCTAssertEqual(terminal.waitForExit(), 0)
  }
}
