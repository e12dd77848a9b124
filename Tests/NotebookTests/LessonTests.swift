import Language
import Notebook
import XCTest

final class LessonTests: XCTestCase {
  func testCellsStartAtMarkersWithTitlesAndKinds() {
    let text = """
      # %% [markdown]
      # # Dropout
      #
      # Some *text*.

      # %% Imports
      import numpy as np


      # %%   The moons  
      X = 1
      # %% [md]
      #plain
      # %% [raw]
      # raw text
      """
    let cells = Lesson(parsing: text, path: "l.mlscript").cells
    XCTAssertEqual(cells.map(\.kind), [.markdown, .code, .code, .markdown, .raw])
    XCTAssertEqual(cells.map(\.title), [nil, "Imports", "The moons", nil, nil])
    XCTAssertEqual(cells[0].source, "# Dropout\n\nSome *text*.")
    XCTAssertEqual(cells[0].line, 2)
    // The blank lines before the next marker separate; they are not code.
    XCTAssertEqual(cells[1].source, "import numpy as np")
    XCTAssertEqual(cells[1].line, 7)
    XCTAssertEqual(cells[2].source, "X = 1")
    XCTAssertEqual(cells[2].line, 11)
    XCTAssertEqual(cells[3].source, "plain")
    XCTAssertEqual(cells[4].source, "raw text")
  }

  func testCodeBeforeTheFirstMarkerIsTheFirstCell() {
    let cells = Lesson(parsing: "\n\nx = 1\n\n# %% Next\ny = 2\n", path: "l").cells
    XCTAssertEqual(cells.count, 2)
    XCTAssertEqual(cells[0].source, "x = 1")
    XCTAssertEqual(cells[0].line, 3)
    XCTAssertNil(cells[0].title)
    XCTAssertEqual(cells[1].title, "Next")
    XCTAssertEqual(cells[1].line, 6)
  }

  func testMarkerInsideTripleQuotedStringStartsNoCell() {
    let text = """
      # %% One
      text = '''
      # %% not a cell
      '''
      s = "# %% nor this"
      doc = \"\"\"it's \"\"\"
      # %% Two
      z = 3
      """
    let cells = Lesson(parsing: text, path: "l").cells
    XCTAssertEqual(cells.map(\.title), ["One", "Two"])
    XCTAssertEqual(
      cells[0].source,
      "text = '''\n# %% not a cell\n'''\ns = \"# %% nor this\"\ndoc = \"\"\"it's \"\"\"")
    XCTAssertEqual(cells[1].line, 8)
  }

  func testMarkerVariants() {
    let text = "#%% Tight\na\n  # %% Indented\nb\n# %%%Sub\nc\n# %%x\nd\n# %% T [markdown] k=1\n# m"
    let cells = Lesson(parsing: text, path: "l").cells
    // `# %%%Sub` and `# %%x` are not markers: `%%` must end or be followed by a space.
    XCTAssertEqual(cells.map(\.title), ["Tight", "Indented", "T"])
    XCTAssertEqual(cells[1].source, "b\n# %%%Sub\nc\n# %%x\nd")
    XCTAssertEqual(cells[2].kind, .markdown)
    XCTAssertEqual(cells[2].source, "m")
  }

  func testWindowsLineEndings() {
    let cells = Lesson(parsing: "# %% A\r\nx = 1\r\n\r\n# %% B\r\ny\r\n", path: "l").cells
    XCTAssertEqual(cells.map(\.source), ["x = 1", "y"])
  }

  func testOriginNamesFileCellAndLine() {
    let lesson = Lesson(parsing: "# %% Intro\n\n\nx = 1\n", path: "a.mlscript")
    XCTAssertEqual(
      lesson.origin(ofCell: 0),
      SourceOrigin(file: "a.mlscript", cell: nil, cellTitle: "Intro", lineOffset: 3))
    XCTAssertEqual(lesson.cellLabel(0), "cell [1/1] Intro")
  }

  func testCellHoldingAFileLine() {
    let lesson = Lesson(
      parsing: "# %% [markdown]\n# text\n# %% A\nx = 1\ny = 2\n\n# %% B\nz = 3\n", path: "l")
    XCTAssertNil(lesson.cellIndex(containingLine: 2))
    XCTAssertEqual(lesson.cellIndex(containingLine: 4), 1)
    XCTAssertEqual(lesson.cellIndex(containingLine: 5), 1)
    XCTAssertNil(lesson.cellIndex(containingLine: 6))
    XCTAssertEqual(lesson.cellIndex(containingLine: 8), 2)
  }

  func testFindingCellsByNumberAndTitle() {
    let lesson = Lesson(
      parsing: "# %% Imports\na\n# %% Train it\nb\n# %% Dropout layer\nc\n# %% Train it\nd",
      path: "l")
    XCTAssertEqual(lesson.cellIndex(named: "2"), 1)
    XCTAssertNil(lesson.cellIndex(named: "0"))
    XCTAssertNil(lesson.cellIndex(named: "5"))
    XCTAssertEqual(lesson.cellIndex(named: "Train it"), 1)
    XCTAssertEqual(lesson.cellIndex(named: "dropout LAYER"), 2)
    XCTAssertEqual(lesson.cellIndex(named: "drop"), 2)
    XCTAssertNil(lesson.cellIndex(named: "nothing like it"))
  }

  func testTheDropoutLessonSplits() throws {
    let root = URLPath.repositoryRoot()
    let lesson = try XCTUnwrap(LessonFile.load(root + "/lessons/dropout-pooling.mlscript"))
    XCTAssertEqual(lesson.cells.count, 41)
    XCTAssertEqual(lesson.cells[0].kind, .markdown)
    XCTAssertEqual(lesson.cells[1].title, "Imports")
    XCTAssertEqual(lesson.cells[1].line, 24)
    XCTAssertTrue(lesson.cells[1].source.hasPrefix("import numpy as np"))
    XCTAssertEqual(lesson.cellIndex(named: "The moons"), 3)
  }

  func testSetupMagicsAreBlankedKeepingLines() {
    XCTAssertEqual(
      NotebookSetupLines.strip("import x\n%matplotlib inline\n  %load_ext tb\ny = 5 % 2"),
      "import x\n\n\ny = 5 % 2")
  }
}

/// Paths of the repository the tests run in.
enum URLPath {
  static func repositoryRoot(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }
}

/// Reading a lesson from disk for the tests.
enum LessonFile {
  static func load(_ path: String) -> Lesson? {
    guard let bytes = AtomicFile.read(path) else { return nil }
    return Lesson(parsing: String(decoding: bytes, as: UTF8.self), path: path)
  }
}
