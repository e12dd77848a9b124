import Notebook
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

final class TranscriptTests: XCTestCase {
  private var folder = ""

  override func setUp() {
    var template = Array("/tmp/mlscript-transcript-XXXXXX".utf8CString)
    template.withUnsafeMutableBufferPointer { buffer in
      if let base = buffer.baseAddress, mkdtemp(base) != nil {
        folder = String(cString: base)
      }
    }
  }

  override func tearDown() {
    _ = try? FileHelpers.remove(folder)
  }

  private func contents(_ path: String) -> String? {
    AtomicFile.read(path).map { String(decoding: $0, as: UTF8.self) }
  }

  func testEachCellIsWrittenAsItEnds() throws {
    let path = folder + "/out.md"
    let transcript = Transcript(path: path, sourceName: "lesson.mlscript")
    try transcript.flush()
    XCTAssertEqual(contents(path), "# mlscript transcript: lesson.mlscript\n")

    transcript.beginCell(number: 1, total: 2, title: "Intro", kind: .markdown, source: "Hello")
    try transcript.endCell()
    transcript.beginCell(number: 2, total: 2, title: nil, kind: .code, source: "print(1)\n2")
    transcript.appendOutput("1\n")
    transcript.appendOutput("\u{1B}[1mbold\u{1B}[0m 50%\r100%\n2")
    try transcript.endCell()
    XCTAssertEqual(
      contents(path),
      """
      # mlscript transcript: lesson.mlscript

      ## [1/2] Intro

      Hello

      ## [2/2]

      ```python
      print(1)
      2
      ```

      ```text
      1
      100%
      2
      ```

      """)
    // The write goes through a temporary name that does not stay behind.
    XCTAssertEqual(try FileHelpers.list(folder), ["out.md"])
  }

  func testOutputWithFencesGetsALongerFence() throws {
    let path = folder + "/fence.md"
    let transcript = Transcript(path: path, sourceName: "x")
    transcript.beginCell(number: 1, total: 1, title: nil, kind: .code, source: "s")
    transcript.appendOutput("```\n")
    try transcript.endCell()
    XCTAssertTrue(contents(path)?.contains("````text\n```\n````\n") ?? false)
  }

  func testFailedWriteLeavesTheOldFile() throws {
    let path = folder + "/keep.md"
    try AtomicFile.write("good", to: path)
    chmod(folder, 0o500)
    defer { chmod(folder, 0o700) }
    if getuid() == 0 { return }  // root may write anyway
    XCTAssertThrowsError(try AtomicFile.write("new", to: path))
    XCTAssertEqual(contents(path), "good")
  }

  func testPlainTextDropsEscapesAndRedraws() {
    XCTAssertEqual(
      Transcript.plainText("a\u{1B}[38;5;12mb\u{1B}[0m\n 1/3\r 3/3 done\n\u{1B}]0;t\u{07}x"),
      "ab\n 3/3 done\nx")
  }
}

/// File-system helpers for the tests, on the C library alone.
enum FileHelpers {
  static func list(_ folder: String) throws -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  static func remove(_ path: String) throws {
    if path.isEmpty { return }
    chmod(path, 0o700)
    for name in try list(path) {
      let child = path + "/" + name
      var status = stat()
      if lstat(child, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        try remove(child)
      } else {
        unlink(child)
      }
    }
    rmdir(path)
  }

  static func makeTemporaryFolder(_ name: String) -> String {
    var template = Array("/tmp/mlscript-\(name)-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress, mkdtemp(base) != nil else { return "/tmp" }
      return String(cString: base)
    }
  }
}
