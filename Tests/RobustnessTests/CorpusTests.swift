import Foundation
import Language
import XCTest

/// Every program in `Corpus/` ends in the exception its header names, at
/// the line (and column) it names, and never traps.
final class CorpusTests: XCTestCase {
  private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  private static let sharedData = here.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data").path

  /// The corpus programs, sorted by name.
  private func corpus() throws -> [URL] {
    let folder = Self.here.appendingPathComponent("Corpus")
    return try FileManager.default.contentsOfDirectory(
      at: folder, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "py" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  func testCorpusIsLargeEnough() throws {
    XCTAssertGreaterThanOrEqual(try corpus().count, 150)
  }

  func testEveryProgramEndsInItsExpectedError() throws {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("robustness-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }

    // Set ROBUSTNESS_RECORD to a path to write each program's actual ending.
    let recordPath = ProcessInfo.processInfo.environment["ROBUSTNESS_RECORD"]
    var record = ""
    for url in try corpus() {
      let name = url.deletingPathExtension().lastPathComponent
      // Programs are read as bytes, as the notebook reads a lesson, so that
      // one that is not UTF-8 meets the same check.
      let bytes = [UInt8](try Data(contentsOf: url))
      let header = String(decoding: bytes.prefix { $0 != 0x0A }, as: UTF8.self)
      if header.hasPrefix("# skip:") { continue }
      let outcome: Outcome?
      do {
        let text = try SourceDecoding.decode(bytes, origin: SourceOrigin(file: "\(name).py"))
        let source = text.replacingOccurrences(of: "$SHARED", with: Self.sharedData)
          .replacingOccurrences(of: "$TMP", with: scratch.path)
        outcome = CorpusRunner.run(source, file: "\(name).py").0
      } catch let error as PyError {
        outcome = CorpusRunner.outcome(error)
      }
      if recordPath != nil {
        let got = outcome.map { "\($0.type) at \($0.line):\($0.column) | \($0.message)" }
        record += "\(name)\t\(got ?? "ok")\n"
        continue
      }
      guard let expected = Expectation(header: header) else {
        XCTFail("\(name): no '# expect: Type at line' header")
        continue
      }
      guard let outcome else {
        XCTFail("\(name): ran to the end, expected \(expected)")
        continue
      }
      let actual = Expectation(
        type: outcome.type, line: outcome.line,
        column: expected.column == nil ? nil : outcome.column)
      XCTAssertEqual(actual, expected, "\(name): \(outcome.message)")
      // Python's MemoryError and StopIteration carry no message.
      if !["MemoryError", "StopIteration"].contains(outcome.type) {
        XCTAssertFalse(outcome.message.isEmpty, "\(name): the error has no message")
      }
    }
    if let recordPath {
      try record.write(toFile: recordPath, atomically: true, encoding: .utf8)
    }
  }
}
