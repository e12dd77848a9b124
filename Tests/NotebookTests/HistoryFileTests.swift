import Notebook
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class HistoryFileTests: XCTestCase {
  private var folder = ""

  override func setUp() { folder = FileHelpers.makeTemporaryFolder("history") }
  override func tearDown() { _ = try? FileHelpers.remove(folder) }

  private func bytes(_ path: String) -> [UInt8] { AtomicFile.read(path) ?? [] }

  func testBlocksSurviveAsOneEntry() {
    let path = folder + "/state/mlscript/history"
    let first = HistoryFile(path: path)
    XCTAssertNil(first.problem)
    XCTAssertTrue(first.add("x = 1"))
    XCTAssertTrue(first.add("def f(a):\n    return a \\ 2\n"))
    XCTAssertFalse(first.add("   "))
    XCTAssertNil(first.save())

    let second = HistoryFile(path: path)
    XCTAssertEqual(second.entries, ["x = 1", "def f(a):\n    return a \\ 2\n"])
    XCTAssertEqual(
      String(decoding: bytes(path), as: UTF8.self),
      "#mlscript-history-v1\nx = 1\ndef f(a):\\n    return a \\\\ 2\\n\n")
  }

  func testTwoSessionsMergeRatherThanOverwrite() {
    let path = folder + "/history"
    let one = HistoryFile(path: path)
    let two = HistoryFile(path: path)
    one.add("a = 1")
    XCTAssertNil(one.save())
    two.add("b = 2")
    XCTAssertNil(two.save())
    XCTAssertEqual(HistoryFile(path: path).entries, ["a = 1", "b = 2"])
  }

  func testForeignFileIsNeverTouched() {
    let path = folder + "/python_history"
    let original = Array("_HiStOrY_V2_\nprint(1)\n".utf8)
    XCTAssertNoThrow(try AtomicFile.write(original, to: path))
    let history = HistoryFile(path: path)
    XCTAssertNotNil(history.problem)
    XCTAssertEqual(history.entries, [])
    history.add("x = 2")
    XCTAssertNotNil(history.save())
    XCTAssertEqual(bytes(path), original)
  }

  func testCorruptLinesAreKeptButNotOffered() {
    let path = folder + "/history"
    var original = Array("#mlscript-history-v1\nok = 1\n".utf8)
    original += [0xFF, 0xFE, 0x80, 10]
    original += Array("fine\n".utf8)
    XCTAssertNoThrow(try AtomicFile.write(original, to: path))
    let history = HistoryFile(path: path)
    XCTAssertNil(history.problem)
    XCTAssertEqual(history.entries, ["ok = 1", "fine"])
    history.add("new")
    XCTAssertNil(history.save())
    XCTAssertEqual(bytes(path), original + Array("new\n".utf8))
  }

  func testUnwritablePlaceReportsAndContinues() {
    if getuid() == 0 { return }  // root can write anywhere
    chmod(folder, 0o500)
    defer { chmod(folder, 0o700) }
    let history = HistoryFile(path: folder + "/sub/history")
    history.add("x = 1")
    XCTAssertNotNil(history.save())
    XCTAssertEqual(history.entries, ["x = 1"])
    history.add("y = 2")
    XCTAssertEqual(history.entries, ["x = 1", "y = 2"])
  }

  func testDefaultPathFollowsTheEnvironment() {
    XCTAssertEqual(
      HistoryFile.defaultPath(environment: ["MLSCRIPT_HISTORY": "/a/h", "HOME": "/home/u"]),
      "/a/h")
    XCTAssertEqual(
      HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/u"]),
      "/s/mlscript/history")
    XCTAssertEqual(
      HistoryFile.defaultPath(environment: ["HOME": "/home/u"]),
      "/home/u/.local/state/mlscript/history")
    XCTAssertNil(HistoryFile.defaultPath(environment: [:]))
  }
}
