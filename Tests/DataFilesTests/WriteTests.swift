import DataFiles
import Foundation
import Tensors
import XCTest

/// Writing files: round trips for every dtype, attributes, modes and
/// atomic replacement.
final class WriteTests: XCTestCase {
  func testEveryDTypeRoundTrips() throws {
    let directory = try makeTemporaryDirectory()
    let path = directory + "/all.h5"
    let arrays: [String: NDArray] = [
      "bool": try NDArray([true, false, true, true], shape: [2, 2]),
      "uint8": try NDArray([0, 7, 255] as [UInt8], shape: [3]),
      "int32": try NDArray([Int32.min, -1, 0, Int32.max], shape: [4, 1]),
      "int64": try NDArray([Int64.min, 42, Int64.max], shape: [3]),
      "float32": try NDArray([Float.pi, -0.0, .infinity, 1e-45], shape: [2, 2]),
      "float64": try NDArray([Double.pi, .nan, -1e308, 5e-324], shape: [1, 4]),
      "scalar": NDArray(scalar: 2.5),
      "empty": try NDArray(zeros: [0, 3], dtype: .float32),
    ]
    let file = try HDF5File(path, mode: .create)
    for (name, array) in arrays {
      try file.root.createDataset("group/\(name)", array: array)
    }
    try file.root.createDataset(
      "zipped", array: try NDArray((0..<1000).map(Double.init), shape: [10, 100]),
      options: HDF5StorageOptions(gzipLevel: 9, shuffle: true))
    try file.root.createDataset(
      "words", data: .strings(["héllo", "", "longer text"], shape: [3]))
    try file.close()

    let back = try HDF5File(path)
    defer { back.discard() }
    for (name, array) in arrays {
      let dataset = try back.root.dataset("group/\(name)")
      XCTAssertEqual(dataset.dataType, HDF5DataType(writing: array.dtype), name)
      let read = try dataset.readArray()
      XCTAssertEqual(read.dtype, array.dtype, name)
      XCTAssertEqual(read.shape, array.shape, name)
      let bits = { (a: NDArray) in a.values(as: Double.self).map(\.bitPattern) }
      if array.dtype == .int64 {
        XCTAssertEqual(read.values(as: Int64.self), array.values(as: Int64.self))
      } else {
        XCTAssertEqual(bits(read), bits(array), name)
      }
    }
    let zipped = try back.root.dataset("zipped")
    XCTAssertEqual(zipped.compression, "gzip")
    XCTAssertNotNil(zipped.chunks)
    XCTAssertEqual(try zipped.readArray().values(as: Double.self), (0..<1000).map(Double.init))
    guard case .strings(let words, _) = try back.root.dataset("words").read() else {
      return XCTFail("strings expected")
    }
    XCTAssertEqual(words, ["héllo", "", "longer text"])
    XCTAssertEqual(try back.root.dataset("group/bool").dataType.name, "bool")
  }

  func testAttributesRoundTrip() throws {
    let path = try makeTemporaryDirectory() + "/attrs.h5"
    let file = try HDF5File(path, mode: .create)
    let data = try file.root.createDataset("x", shape: [2, 3], dtype: .int32)
    try data.attributes.set("units", string: "meters")
    try data.attributes.set("scale", .array(NDArray(scalar: 0.5)))
    try data.attributes.set("sizes", .array(try NDArray([1, 2, 3] as [Int64], shape: [3])))
    try data.attributes.set("scale", .array(NDArray(scalar: 2.0)))
    try file.root.attributes.set("tags", .strings(["a", "b"], shape: [2]))
    try data.attributes.delete("sizes")
    try file.close()

    let back = try HDF5File(path)
    defer { back.discard() }
    let x = try back.root.dataset("x")
    XCTAssertEqual(try x.readArray().values(as: Int32.self), [0, 0, 0, 0, 0, 0])
    XCTAssertEqual(try x.attributes.keys(), ["scale", "units"])
    XCTAssertEqual(try x.attributes.get("scale").asArray("scale").values(as: Double.self), [2])
    guard case .strings(let tags, let shape) = try back.root.attributes.get("tags") else {
      return XCTFail("strings expected")
    }
    XCTAssertEqual(tags, ["a", "b"])
    XCTAssertEqual(shape, [2])
    XCTAssertThrowsError(try x.attributes.get("sizes"))
  }

  func testWritingASelection() throws {
    let path = try makeTemporaryDirectory() + "/part.h5"
    let file = try HDF5File(path, mode: .create)
    let x = try file.root.createDataset("x", shape: [3, 4], dtype: .float64)
    try x.write(try NDArray([1, 2, 3, 4] as [Double], shape: [4]), [.index(1)])
    try x.write(NDArray(scalar: 9.0), [.all, .slice(start: 3, stop: nil, step: nil)])
    XCTAssertEqual(
      try x.readArray().values(as: Double.self), [0, 0, 0, 9, 1, 2, 3, 9, 0, 0, 0, 9])
    XCTAssertThrowsError(try x.write(try NDArray([1, 2] as [Double], shape: [2]), [.index(0)]))
    try file.close()
  }

  func testModesAppendAndModifyInPlace() throws {
    let path = try makeTemporaryDirectory() + "/modes.h5"
    let created = try HDF5File(path, mode: .append)
    try created.root.createGroup("a/b")
    try created.close()
    let appended = try HDF5File(path, mode: .append)
    XCTAssertTrue(try appended.root.contains("a/b"))
    try appended.root.createDataset("a/b/c", array: NDArray(scalar: Int64(3)))
    XCTAssertThrowsError(try appended.root.createGroup("a"))
    try appended.close()
    let edited = try HDF5File(path, mode: .readWrite)
    try edited.root.delete("a/b/c")
    try edited.close()
    let back = try HDF5File(path)
    defer { back.discard() }
    XCTAssertEqual(try back.root.group("a/b").keys(), [])
  }

  func testNewFileAppearsOnlyOnClose() throws {
    let directory = try makeTemporaryDirectory()
    let path = directory + "/data.h5"
    let old = try HDF5File(path, mode: .create)
    try old.root.createDataset("old", array: NDArray(scalar: 1.0))
    try old.close()

    let replacing = try HDF5File(path, mode: .create)
    try replacing.root.createDataset("new", array: NDArray(scalar: 2.0))
    // While it is being written the old file is untouched.
    XCTAssertEqual(try readDataset("old", in: path).values(as: Double.self), [1])
    try replacing.close()
    XCTAssertEqual(try readDataset("new", in: path).values(as: Double.self), [2])
    XCTAssertThrowsError(try readDataset("old", in: path))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["data.h5"])
  }

  func testAFailedWriteLeavesTheOldFileIntact() throws {
    let directory = try makeTemporaryDirectory()
    let path = directory + "/weights.weights.h5"
    let layer = WeightsLayer(key: "dense", variables: [try NDArray([1, 2] as [Float], shape: [2])])
    try KerasWeights.save([layer], to: path)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    // A second layer with the same key makes the save fail half way.
    XCTAssertThrowsError(try KerasWeights.save([layer, layer], to: path))
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)

    let abandoned = try HDF5File(path, mode: .create)
    try abandoned.root.createDataset("other", array: NDArray(scalar: 1.0))
    abandoned.discard()
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: directory), ["weights.weights.h5"])
    XCTAssertEqual(
      try KerasWeights.load(from: path)[0].variables[0].values(as: Float.self), [1, 2])
  }
}
