import DataFiles
import Foundation
import Tensors
import XCTest

/// Reads every dataset of `h5/` and checks it against `manifest.json`,
/// which h5py wrote.
final class ManifestTests: XCTestCase {
  private func manifest() throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: SharedData.path("h5/manifest.json")))
    let parsed = try JSONSerialization.jsonObject(with: data)
    return try XCTUnwrap(parsed as? [String: [String: Any]])
  }

  func testEveryDatasetMatchesTheManifest() throws {
    var checked = 0
    for (fileName, entries) in try manifest() {
      if entries["error"] != nil { continue }
      let file = try HDF5File(SharedData.path("h5/\(fileName)"))
      defer { file.discard() }
      for (name, value) in entries {
        let entry = try XCTUnwrap(value as? [String: Any])
        let dataset = try file.root.dataset(name)
        let shape = try XCTUnwrap(entry["shape"] as? [Int])
        let dtype = try XCTUnwrap(entry["dtype"] as? String)
        XCTAssertEqual(dataset.shape, shape, "\(fileName) \(name)")
        XCTAssertEqual(dataset.dataType.name, dtype, "\(fileName) \(name)")
        guard let sum = entry["sum"] as? Double, let first = entry["first"] as? [Double] else {
          checked += 1
          continue
        }
        let array = try dataset.readArray()
        XCTAssertEqual(array.shape, shape)
        let values = array.values(as: Double.self)
        XCTAssertEqual(values.reduce(0, +), sum, accuracy: abs(sum) * 1e-12 + 1e-9, name)
        // Foundation's JSON parser may be a unit in the last place off.
        XCTAssertEqual(values.count >= first.count, true)
        for (got, expected) in zip(values, first) {
          XCTAssertEqual(got, expected, accuracy: abs(expected) * 1e-14, "\(fileName) \(name)")
        }
        checked += 1
      }
    }
    XCTAssertEqual(checked, 21)
  }

  func testArrayDTypesFollowTheFileTypes() throws {
    let file = try HDF5File(SharedData.path("h5/dtypes.h5"))
    defer { file.discard() }
    let expected: [String: DType] = [
      "bool": .bool, "f16": .float32, "f32": .float32, "f64": .float64, "i32": .int32,
      "i64": .int64, "i8": .int32, "u8": .uint8, "scalar": .float64,
    ]
    for (name, dtype) in expected {
      XCTAssertEqual(try file.root.dataset(name).readArray().dtype, dtype, name)
    }
    XCTAssertEqual(try file.root.dataset("bool").readArray().values(as: Bool.self).count, 5)
    XCTAssertEqual(try file.root.dataset("i8").dataType.descriptor, "|i1")
    let scalar = try file.root.dataset("scalar").readArray()
    XCTAssertEqual(scalar.shape, [])
    XCTAssertEqual(scalar.values(as: Double.self), [3.25])
  }

  func testBigEndianDataIsConverted() throws {
    let file = try HDF5File(SharedData.path("h5/big_endian.h5"))
    defer { file.discard() }
    let numbers = try file.root.dataset("n")
    XCTAssertEqual(numbers.dataType.descriptor, ">i4")
    XCTAssertEqual(try numbers.readArray().values(as: Int32.self), [0, 1, 2, 3, 4])
    let x = try file.root.dataset("x").readArray()
    XCTAssertEqual(x.dtype, .float64)
    XCTAssertEqual(x.values(as: Double.self), (0..<12).map(Double.init))
  }

  func testStringsAndAttributes() throws {
    let file = try HDF5File(SharedData.path("h5/strings_attrs.h5"))
    defer { file.discard() }
    guard case .strings(let names, let shape) = try file.root.dataset("names").read() else {
      return XCTFail("names should read as strings")
    }
    XCTAssertEqual(names, ["cat", "coffee", "space"])
    XCTAssertEqual(shape, [3])
    guard case .strings(let title, let titleShape) = try file.root.attributes.get("title") else {
      return XCTFail("title should be a string")
    }
    XCTAssertEqual(title, ["fixture"])
    XCTAssertEqual(titleShape, [])
    let x = try file.root.dataset("x")
    XCTAssertEqual(try x.attributes.keys(), ["units"])
    guard case .strings(let units, _) = try x.attributes.get("units") else {
      return XCTFail("units should be a string")
    }
    XCTAssertEqual(units, ["meters"])
  }

  func testGroupsAndKeys() throws {
    let file = try HDF5File(SharedData.path("h5/groups.h5"))
    defer { file.discard() }
    XCTAssertEqual(try file.root.keys(), ["test", "train"])
    XCTAssertTrue(try file.root.contains("train/x"))
    XCTAssertTrue(try file.root.contains("/test/y"))
    XCTAssertFalse(try file.root.contains("train/z"))
    XCTAssertFalse(try file.root.contains("train/x/deeper"))
    let train = try file.root.group("train")
    XCTAssertEqual(train.path, "/train")
    XCTAssertEqual(try train.keys(), ["x", "y"])
    XCTAssertEqual(try train.dataset("y").readArray().values(as: Int64.self), Array(0..<10))
  }

  func testMiniCifarReadsAsTheLessonExpects() throws {
    let x = try readDataset("x", in: SharedData.path("mini_cifar.h5"))
    XCTAssertEqual(x.dtype, .uint8)
    XCTAssertEqual(x.shape, [3004, 32, 32, 3])
    let y = try readDataset("y", in: SharedData.path("mini_cifar.h5"))
    XCTAssertEqual(y.dtype, .int64)
    var counts = [Int64: Int]()
    for label in y.values(as: Int64.self) { counts[label, default: 0] += 1 }
    XCTAssertEqual(counts, [0: 1002, 1: 1001, 2: 1001])
  }

  func testDigits() throws {
    let x = try readDataset("x", in: SharedData.path("digits.h5"))
    XCTAssertEqual(x.shape, [1797, 8, 8])
    XCTAssertEqual(x.dtype, .float64)
    let values = x.values(as: Double.self)
    XCTAssertEqual(values.min(), 0)
    XCTAssertEqual(values.max(), 16)
  }
}
