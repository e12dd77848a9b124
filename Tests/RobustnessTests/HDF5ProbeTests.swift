import DataFiles
import Foundation
import XCTest

/// Files that crash or hang libhdf5 end in OSError when the probe is on,
/// and good files open as before, probed once.
final class HDF5ProbeTests: XCTestCase {
  private static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  private static let root = here.deletingLastPathComponent().deletingLastPathComponent()
  private static let crafted = here.appendingPathComponent("HDF5Crafted").path

  /// The release executable the probe runs; the test is skipped without it.
  private func executable() throws -> String {
    let path = Self.root.appendingPathComponent(".build/release/mlscript").path
    try XCTSkipUnless(
      FileManager.default.isExecutableFile(atPath: path),
      "\(path) is not built (swift build -c release)")
    return path
  }

  override func tearDown() {
    HDF5Probe.disable()
    super.tearDown()
  }

  /// A copy of a crafted file under a fresh name, so no earlier verdict
  /// is reused.
  private func copy(_ name: String) throws -> String {
    let target = FileManager.default.temporaryDirectory
      .appendingPathComponent("probe-\(getpid())-\(UUID().uuidString)-\(name)").path
    try FileManager.default.copyItem(atPath: "\(Self.crafted)/\(name)", toPath: target)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: target) }
    return target
  }

  private func assertOSError(
    _ path: String, _ fragment: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertThrowsError(try HDF5Probe.check(path), file: file, line: line) { error in
      let failure = error as? DataFileError
      XCTAssertEqual(failure?.kind, "OSError", file: file, line: line)
      XCTAssertTrue(
        failure?.message.contains(fragment) ?? false, "\(error)", file: file, line: line)
      XCTAssertTrue(failure?.message.contains(path) ?? false, "\(error)", file: file, line: line)
    }
    // Probing must still be on: the file is never opened in this process.
    XCTAssertTrue(HDF5Probe.isEnabled, file: file, line: line)
  }

  func testAFileThatCrashesLibHDF5IsAnOSError() throws {
    HDF5Probe.enable(executable: try executable())
    let path = try copy("crashes_libhdf5.h5")
    assertOSError(path, "crashed reading its structure, signal 11")

    // The verdict is kept: opening it again fails at once, through h5py's
    // path as well.
    let start = Date()
    XCTAssertThrowsError(try HDF5File(path, mode: .read))
    XCTAssertLessThan(Date().timeIntervalSince(start), 0.05)
  }

  func testAFileThatHangsLibHDF5IsAnOSErrorAfterTheTimeLimit() throws {
    HDF5Probe.enable(executable: try executable(), seconds: 1.5)
    let path = try copy("hangs_libhdf5.h5")
    let start = Date()
    assertOSError(path, "still reading its structure after 1.5 seconds")
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertGreaterThanOrEqual(elapsed, 1.5)
    XCTAssertLessThan(elapsed, 5)
  }

  func testAGoodFileIsProbedOnceAndReadsAsBefore() throws {
    HDF5Probe.enable(executable: try executable())
    let path = Self.root.appendingPathComponent("lessons/data/mini_cifar.h5").path
    let first = Date()
    let file = try HDF5File(path, mode: .read)
    let probed = Date().timeIntervalSince(first)
    let keys = try file.root.keys()
    try file.close()
    XCTAssertFalse(keys.isEmpty)

    let second = Date()
    let again = try HDF5File(path, mode: .read)
    let cached = Date().timeIntervalSince(second)
    XCTAssertEqual(try again.root.keys(), keys)
    try again.close()
    // The second open spawns nothing.
    XCTAssertLessThan(cached, probed)
    XCTAssertLessThan(cached, 0.05)
  }

  func testAProbeThatCannotStartTurnsProbingOff() throws {
    HDF5Probe.enable(executable: "/nonexistent/mlscript")
    let path = Self.root.appendingPathComponent("lessons/data/mini_cifar.h5").path
    let file = try HDF5File(path, mode: .read)
    try file.close()
    XCTAssertFalse(HDF5Probe.isEnabled)
  }

  func testTheProbeModeWalksAGoodFile() {
    let path = Self.root.appendingPathComponent("lessons/data/mini_cifar.h5").path
    XCTAssertEqual(HDF5Probe.runChild(path, limitingResources: false), 0)
    let notHDF5 = Self.crafted + "/README.md"
    XCTAssertEqual(HDF5Probe.runChild(notHDF5, limitingResources: false), 3)
  }
}
