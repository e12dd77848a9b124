import DataFiles
import Foundation
import Tensors
import XCTest

/// Reading parts of datasets: only the selection comes off the disk.
final class HyperslabTests: XCTestCase {
  func testSlicesAndIndicesOfTheCompressedImages() throws {
    let file = try HDF5File(SharedData.path("mini_cifar.h5"))
    defer { file.discard() }
    let x = try file.root.dataset("x")
    XCTAssertEqual(x.chunks, [64, 32, 32, 3])
    XCTAssertEqual(x.compression, "gzip")
    let whole = try x.readArray()
    let all = whole.values(as: UInt8.self)

    let part = try x.readArray([.slice(start: 100, stop: 105, step: nil), .all, .index(0)])
    XCTAssertEqual(part.shape, [5, 32, 3])
    var expected: [UInt8] = []
    for image in 100..<105 {
      for row in 0..<32 {
        for channel in 0..<3 { expected.append(all[((image * 32 + row) * 32) * 3 + channel]) }
      }
    }
    XCTAssertEqual(part.values(as: UInt8.self), expected)

    let strided = try x.readArray([.slice(start: -10, stop: nil, step: 3), .index(31), .index(-1)])
    XCTAssertEqual(strided.shape, [4, 3])
    let rows = [2994, 2997, 3000, 3003]
    let stridedExpected = rows.flatMap { image in
      (0..<3).map { channel in all[((image * 32 + 31) * 32 + 31) * 3 + channel] }
    }
    XCTAssertEqual(strided.values(as: UInt8.self), stridedExpected)

    let one = try x.readArray([.index(7)])
    XCTAssertEqual(one.shape, [32, 32, 3])
    XCTAssertEqual(one.values(as: UInt8.self), Array(all[(7 * 3072)..<(8 * 3072)]))

    let empty = try x.readArray([.slice(start: 5, stop: 5, step: nil)])
    XCTAssertEqual(empty.shape, [0, 32, 32, 3])
    let tail = try x.readArray([.ellipsis, .index(2)])
    XCTAssertEqual(tail.shape, [3004, 32, 32])
  }

  func testStringSelection() throws {
    let file = try HDF5File(SharedData.path("h5/strings_attrs.h5"))
    defer { file.discard() }
    guard
      case .strings(let names, let shape) = try file.root.dataset("names").read([
        .slice(start: 1, stop: nil, step: nil)
      ])
    else { return XCTFail("strings expected") }
    XCTAssertEqual(names, ["coffee", "space"])
    XCTAssertEqual(shape, [2])
    guard case .strings(let single, let none) = try file.root.dataset("names").read([.index(-1)])
    else { return XCTFail("strings expected") }
    XCTAssertEqual(single, ["space"])
    XCTAssertEqual(none, [])
  }
}
