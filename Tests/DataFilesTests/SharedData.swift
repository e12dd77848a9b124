import Foundation
import XCTest

/// Paths into the shared, read-only test material beside the repository.
enum SharedData {
  /// `../shared/data` relative to the repository root.
  static let root: String = {
    let here = URL(fileURLWithPath: #filePath)
    let repository = here.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
  }()

  /// A file of the shared data folder: `path("h5/dtypes.h5")`.
  static func path(_ relative: String) -> String { root + "/" + relative }

}

extension XCTestCase {
  /// A fresh empty directory for files a test writes, removed after it.
  func makeTemporaryDirectory() throws -> String {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("datafiles-tests-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: base) }
    return base.path
  }
}
