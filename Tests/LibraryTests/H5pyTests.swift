import Foundation
import Language
import Library
import Tensors
import XCTest

/// A stand-in for the language's `slice`, which the bindings read by its
/// type name and `start` / `stop` / `step` attributes.
private final class TestSlice: PyObject {
  let start: Value
  let stop: Value
  let step: Value

  init(_ start: Value = .none, _ stop: Value = .none, _ step: Value = .none) {
    self.start = start
    self.stop = stop
    self.step = step
  }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("slice") { t in
    t.property("start") { (s: TestSlice) in s.start }
    t.property("stop") { (s: TestSlice) in s.stop }
    t.property("step") { (s: TestSlice) in s.step }
  }
}

private final class TestEllipsis: PyObject {
  override var type: PyType { Self.pyType }
  static let pyType = PyType("ellipsis")
}

/// The `h5py` module called directly, as a program would use it.
final class H5pyTests: XCTestCase {
  private let sharedData: String = {
    let here = URL(fileURLWithPath: #filePath)
    let repository = here.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/data").path
  }()

  private func h5py() throws -> PyModule {
    try XCTUnwrap(try BuiltinModules().module(named: "h5py"))
  }

  private func call(
    _ object: PyObject, _ method: String, _ args: [Value] = [],
    _ keywords: [(name: String, value: Value)] = []
  ) throws -> Value {
    let bound = try XCTUnwrap(try object.attribute(method))
    guard case .object(let function) = bound else { throw PyError.typeError("not callable") }
    return try function.call(Arguments(args, keywords: keywords))
  }

  private func open(_ path: String, _ mode: String = "r") throws -> PyObject {
    guard case .object(let file) = try call(try h5py(), "File", [.string(path), .string(mode)])
    else { throw PyError.typeError("File() gave no object") }
    return file
  }

  private func array(_ value: Value) throws -> NDArray {
    try XCTUnwrap(value.object(as: NDArrayObject.self)).array
  }

  private func makeTemporaryDirectory() throws -> String {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("h5py-tests-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: base) }
    return base.path
  }

  func testTheLessonsRead() throws {
    let file = try open(sharedData + "/mini_cifar.h5")
    XCTAssertEqual(try file.repr(), "<HDF5 file \"mini_cifar.h5\" (mode r)>")
    guard case .object(let entered) = try file.enter() else { return XCTFail("no object") }
    guard case .object(let x) = try entered.item(.string("x")) else { return XCTFail("no x") }
    XCTAssertEqual(
      try x.repr(), "<HDF5 dataset \"x\": shape (3004, 32, 32, 3), type \"|u1\">")
    let images = try array(try x.item(.object(TestSlice())))
    XCTAssertEqual(images.shape, [3004, 32, 32, 3])
    XCTAssertEqual(images.dtype, .uint8)
    let labels = try array(
      try entered.item(.string("y")).object(as: PyObject.self)
        .map { try $0.item(.object(TestEllipsis())) } ?? .none)
    XCTAssertEqual(labels.dtype, .int64)
    XCTAssertEqual(try x.length(), 3004)
    XCTAssertEqual(
      try Value.tuple([.int(3004), .int(32), .int(32), .int(3)]).repr(),
      try XCTUnwrap(try x.attribute("shape")).repr())
    XCTAssertEqual(try XCTUnwrap(try x.attribute("dtype")).repr(), "dtype('uint8')")
    try file.exit()
    XCTAssertEqual(try file.repr(), "<Closed HDF5 file>")
    XCTAssertThrowsError(try x.item(.object(TestSlice())))
  }

  func testIndexingAndGroups() throws {
    let file = try open(sharedData + "/h5/groups.h5")
    defer { try? file.exit() }
    XCTAssertEqual(try call(file, "keys").repr(), "<KeysViewHDF5 ['test', 'train']>")
    XCTAssertEqual(try file.length(), 2)
    XCTAssertTrue(try file.contains(.string("train/x")))
    XCTAssertFalse(try file.contains(.string("nope")))
    guard case .object(let trainX) = try file.item(.string("train/x")) else {
      return XCTFail("no train/x")
    }
    let rows = try array(
      try trainX.item(.tuple([.object(TestSlice(.int(2), .int(8), .int(3))), .int(1)])))
    XCTAssertEqual(rows.shape, [2])
    let whole = try array(try trainX.item(.object(TestSlice()))).values(as: Double.self)
    XCTAssertEqual(rows.values(as: Double.self), [whole[5], whole[11]])
    let row = try array(try trainX.item(.int(-1)))
    XCTAssertEqual(row.values(as: Double.self), Array(whole[18..<20]))
    guard case .object(let group) = try file.item(.string("train")) else {
      return XCTFail("no train")
    }
    XCTAssertEqual(try group.repr(), "<HDF5 group \"/train\" (2 members)>")
    XCTAssertThrowsError(try file.item(.string("valid"))) { error in
      XCTAssertTrue("\(error)".contains("it holds 'test', 'train'"), "\(error)")
    }
    XCTAssertThrowsError(try file.item(.int(0)))
  }

  func testScalarsStringsAndAttributes() throws {
    let dtypes = try open(sharedData + "/h5/dtypes.h5")
    defer { try? dtypes.exit() }
    guard case .object(let scalar) = try dtypes.item(.string("scalar")) else {
      return XCTFail("no scalar")
    }
    // A scalar dataset reads as a NumPy scalar.
    XCTAssertEqual(try scalar.item(.tuple([])).asDouble(), 3.25)
    XCTAssertThrowsError(try scalar.length())
    let strings = try open(sharedData + "/h5/strings_attrs.h5")
    defer { try? strings.exit() }
    guard case .object(let names) = try strings.item(.string("names")) else {
      return XCTFail("no names")
    }
    XCTAssertEqual(try names.item(.object(TestSlice())).repr(), "['cat', 'coffee', 'space']")
    XCTAssertEqual(try XCTUnwrap(try names.attribute("dtype")).repr(), "dtype('S6')")
    guard case .object(let attrs) = try XCTUnwrap(try strings.attribute("attrs")) else {
      return XCTFail("no attrs")
    }
    XCTAssertEqual(try attrs.item(.string("title")).repr(), "'fixture'")
    XCTAssertTrue(try attrs.contains(.string("title")))
  }

  func testWritingThroughTheBindings() throws {
    let path = try makeTemporaryDirectory() + "/out.h5"
    let file = try open(path, "w")
    XCTAssertEqual(try file.repr(), "<HDF5 file \"out.h5\" (mode r+)>")
    let data = try NDArray((0..<24).map(Float.init), shape: [4, 6])
    guard
      case .object(let dataset) = try call(
        file, "create_dataset", [.string("grp/x")],
        [
          ("data", .object(NDArrayObject(data))), ("compression", .string("gzip")),
          ("compression_opts", .int(6)),
        ])
    else { return XCTFail("no dataset") }
    XCTAssertEqual(try dataset.repr(), "<HDF5 dataset \"x\": shape (4, 6), type \"<f4\">")
    guard case .object(let attrs) = try XCTUnwrap(try dataset.attribute("attrs")) else {
      return XCTFail("no attrs")
    }
    try attrs.setItem(.string("units"), .string("m"))
    try attrs.setItem(.string("scale"), .float(0.5))
    try attrs.setItem(.string("sizes"), .list([.int(1), .int(2)]))
    try file.setItem(.string("labels"), .list([.int(1), .int(2), .int(3)]))
    _ = try call(
      file, "create_dataset", [.string("zeros")],
      [("shape", .tuple([.int(2), .int(2)])), ("dtype", .string("i8"))])
    try file.exit()

    let back = try open(path)
    defer { try? back.exit() }
    guard case .object(let x) = try back.item(.string("grp/x")) else { return XCTFail("no x") }
    XCTAssertEqual(try XCTUnwrap(try x.attribute("compression")).repr(), "'gzip'")
    let column = try array(try x.item(.tuple([.object(TestSlice()), .int(2)])))
    XCTAssertEqual(column.values(as: Float.self), [2, 8, 14, 20])
    guard case .object(let attrs2) = try XCTUnwrap(try x.attribute("attrs")) else {
      return XCTFail("no attrs")
    }
    XCTAssertEqual(try attrs2.item(.string("units")).repr(), "'m'")
    XCTAssertEqual(try array(try attrs2.item(.string("sizes"))).values(as: Int64.self), [1, 2])
    guard case .object(let labels) = try back.item(.string("labels")) else {
      return XCTFail("no labels")
    }
    XCTAssertEqual(try array(try labels.item(.object(TestSlice()))).dtype, .int64)
    guard case .object(let zeros) = try back.item(.string("zeros")) else {
      return XCTFail("no zeros")
    }
    XCTAssertEqual(try XCTUnwrap(try zeros.attribute("dtype")).repr(), "dtype('int64')")
    XCTAssertThrowsError(try back.setItem(.string("more"), .int(1))) { error in
      XCTAssertTrue("\(error)".contains("read-only"), "\(error)")
    }
  }

  func testOpeningErrors() throws {
    XCTAssertThrowsError(try open("missing.h5")) { error in
      XCTAssertTrue("\(error)".hasPrefix("FileNotFoundError: [Errno 2]"), "\(error)")
    }
    XCTAssertThrowsError(try open(sharedData + "/h5/not_hdf5.h5"))
    XCTAssertThrowsError(try open(sharedData + "/h5/groups.h5", "q"))
  }
}
