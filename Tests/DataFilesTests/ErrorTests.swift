import DataFiles
import Foundation
import Tensors
import XCTest

/// Every failure gives one clear error naming the path, never a crash.
final class ErrorTests: XCTestCase {
  private func error(_ body: () throws -> Void) -> DataFileError? {
    do {
      try body()
    } catch let error as DataFileError {
      return error
    } catch {
      XCTFail("unexpected error \(error)")
    }
    return nil
  }

  func testMissingFile() throws {
    let failure = error { _ = try HDF5File("no_such_file.h5") }
    XCTAssertEqual(failure?.kind, "FileNotFoundError")
    XCTAssertEqual(
      failure?.message,
      "[Errno 2] Unable to open file (no such file or directory: name = 'no_such_file.h5')")
  }

  func testTextFileIsNotHDF5() throws {
    let path = SharedData.path("h5/not_hdf5.h5")
    let failure = error { _ = try HDF5File(path) }
    XCTAssertEqual(failure?.kind, "OSError")
    XCTAssertEqual(
      failure?.message,
      "Unable to open file (file signature not found): '\(path)' is not an HDF5 file")
  }

  func testTruncatedFile() throws {
    let path = SharedData.path("h5/truncated.h5")
    let failure = error { _ = try readDataset("x", in: path) }
    XCTAssertEqual(failure?.kind, "OSError")
    XCTAssertEqual(
      failure?.message,
      "Unable to open file (truncated file: eof = 90869, sblock->base_addr = 0,"
        + " stored_eof = 272609): '\(path)' is damaged or cut short")
  }

  func testMissingObjectListsWhatExists() throws {
    let path = SharedData.path("h5/groups.h5")
    let file = try HDF5File(path)
    defer { file.discard() }
    let top = error { _ = try file.root.node("valid") }
    XCTAssertEqual(top?.kind, "KeyError")
    XCTAssertEqual(
      top?.message,
      "Unable to open object 'valid': no 'valid' in '\(path)' (it holds 'test', 'train')")
    let nested = error { _ = try file.root.node("train/z") }
    XCTAssertEqual(
      nested?.message,
      "Unable to open object 'train/z': no 'z' in group '/train' of '\(path)'"
        + " (it holds 'x', 'y')")
    let throughDataset = error { _ = try file.root.node("train/x/0") }
    XCTAssertEqual(throughDataset?.kind, "KeyError")
  }

  func testUseAfterClose() throws {
    let file = try HDF5File(SharedData.path("h5/groups.h5"))
    let dataset = try file.root.dataset("train/x")
    try file.close()
    try file.close()
    let failure = error { _ = try dataset.read() }
    XCTAssertEqual(failure?.kind, "ValueError")
    XCTAssertEqual(
      failure?.message,
      "cannot use dataset \"x\": the file '\(SharedData.path("h5/groups.h5"))' is closed")
    XCTAssertEqual(error { _ = try file.root.keys() }?.kind, "ValueError")
  }

  func testWritingInReadModeIsRefused() throws {
    let path = SharedData.path("h5/groups.h5")
    let file = try HDF5File(path)
    defer { file.discard() }
    let failure = error { try file.root.createGroup("new") }
    XCTAssertEqual(failure?.kind, "ValueError")
    XCTAssertEqual(
      failure?.message,
      "cannot create group 'new': '\(path)' is open read-only (mode 'r');"
        + " open it with mode 'r+' or 'a' to change it")
    XCTAssertEqual(error { try file.root.attributes.set("a", string: "b") }?.kind, "ValueError")
  }

  func testReadOnlyFileCannotBeOpenedForWriting() throws {
    let failure = error { _ = try HDF5File(SharedData.path("h5/groups.h5"), mode: .readWrite) }
    // The shared files are read-only on disk (root may still write them).
    if getuid() != 0 { XCTAssertEqual(failure?.kind, "PermissionError") }
  }

  func testExclusiveCreateRefusesAnExistingFile() throws {
    let directory = try makeTemporaryDirectory()
    let path = directory + "/a.h5"
    try HDF5File(path, mode: .create).close()
    let failure = error { _ = try HDF5File(path, mode: .createExclusive) }
    XCTAssertEqual(failure?.kind, "FileExistsError")
    XCTAssertEqual(
      error { _ = try HDF5File(directory + "/no/dir.h5", mode: .create) }?.kind,
      "FileNotFoundError")
  }

  func testSelectionErrors() throws {
    let file = try HDF5File(SharedData.path("h5/dtypes.h5"))
    defer { file.discard() }
    let f64 = try file.root.dataset("f64")
    XCTAssertEqual(error { _ = try f64.read([.index(5)]) }?.kind, "IndexError")
    XCTAssertEqual(
      error { _ = try f64.read([.index(0), .index(0), .index(0)]) }?.kind,
      "IndexError")
    XCTAssertEqual(
      error { _ = try f64.read([.slice(start: nil, stop: nil, step: -1)]) }?.kind, "ValueError")
    let scalar = try file.root.dataset("scalar")
    XCTAssertEqual(error { _ = try scalar.read([.all]) }?.kind, "ValueError")
    XCTAssertEqual(try scalar.readArray([.ellipsis]).values(as: Double.self), [3.25])
    let names = try HDF5File(SharedData.path("h5/strings_attrs.h5"))
    defer { names.discard() }
    XCTAssertEqual(error { _ = try names.root.dataset("names").readArray() }?.kind, "TypeError")
  }
}
