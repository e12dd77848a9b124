import DataFiles
import Foundation
import Tensors
import XCTest

/// The synthetic data sets against values scikit-learn 1.9 computed.
final class ToyDataTests: XCTestCase {
  private func assertClose(
    _ array: NDArray, _ expected: [[Double]], file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(array.shape, [expected.count, 2], file: file, line: line)
    for (got, want) in zip(array.values(as: Double.self), expected.flatMap { $0 }) {
      XCTAssertEqual(got, want, accuracy: 1e-15, file: file, line: line)
    }
  }

  func testMoonsGeometryMatchesSklearn() throws {
    var generator = RandomGenerator(seed: 1)
    let (x, y) = try ToyData.moons(outer: 3, inner: 4, shuffle: false, generator: &generator)
    XCTAssertEqual(x.dtype, .float64)
    XCTAssertEqual(y.dtype, .int64)
    assertClose(
      x,
      [
        [1.0, 0.0], [6.123233995736766e-17, 1.0], [-1.0, 1.2246467991473532e-16], [0.0, 0.5],
        [0.4999999999999999, -0.3660254037844386], [1.4999999999999998, -0.3660254037844387],
        [2.0, 0.4999999999999999],
      ])
    XCTAssertEqual(y.values(as: Int64.self), [0, 0, 0, 1, 1, 1, 1])
    let (pair, labels) = try ToyData.moons(
      outer: 2, inner: 3, shuffle: false, generator: &generator)
    assertClose(
      pair,
      [
        [1.0, 0.0], [-1.0, 1.2246467991473532e-16], [0.0, 0.5], [0.9999999999999999, -0.5],
        [2.0, 0.4999999999999999],
      ])
    XCTAssertEqual(labels.values(as: Int64.self), [0, 0, 1, 1, 1])
  }

  func testCirclesGeometryMatchesSklearn() throws {
    var generator = RandomGenerator(seed: 1)
    let (x, y) = try ToyData.circles(
      outer: 3, inner: 4, shuffle: false, factor: 0.5, generator: &generator)
    assertClose(
      x,
      [
        [1.0, 0.0], [-0.4999999999999998, 0.8660254037844387],
        [-0.5000000000000004, -0.8660254037844384], [0.5, 0.0], [3.061616997868383e-17, 0.5],
        [-0.5, 6.123233995736766e-17], [-9.184850993605148e-17, -0.5],
      ])
    XCTAssertEqual(y.values(as: Int64.self), [0, 0, 0, 1, 1, 1, 1])
    XCTAssertThrowsError(
      try ToyData.circles(outer: 1, inner: 1, factor: 1, generator: &generator))
  }

  func testShuffleKeepsPointsWithTheirLabels() throws {
    var generator = RandomGenerator(seed: 7)
    let (x, y) = try ToyData.moons(outer: 150, inner: 150, generator: &generator)
    XCTAssertEqual(x.shape, [300, 2])
    let labels = y.values(as: Int64.self)
    XCTAssertEqual(labels.filter { $0 == 0 }.count, 150)
    XCTAssertNotEqual(Array(labels.prefix(150)), Array(repeating: 0, count: 150))
    let points = x.values(as: Double.self)
    for row in 0..<300 {
      let (px, py) = (points[2 * row], points[2 * row + 1])
      // Upper moon: the unit circle's top half; lower: centred at (1, 0.5).
      let radius = labels[row] == 0 ? hypot(px, py) : hypot(px - 1, py - 0.5)
      XCTAssertEqual(radius, 1, accuracy: 1e-12)
      XCTAssertTrue(labels[row] == 0 ? py >= -1e-12 : py <= 0.5 + 1e-12)
    }
  }

  func testNoiseIsReproducibleForASeed() throws {
    var first = RandomGenerator(seed: 3)
    var second = RandomGenerator(seed: 3)
    let a = try ToyData.moons(outer: 50, inner: 50, noise: 0.25, generator: &first)
    let b = try ToyData.moons(outer: 50, inner: 50, noise: 0.25, generator: &second)
    XCTAssertEqual(a.x.values(as: Double.self), b.x.values(as: Double.self))
    var clean = RandomGenerator(seed: 3)
    let c = try ToyData.moons(outer: 50, inner: 50, generator: &clean)
    let shifts = zip(a.x.values(as: Double.self), c.x.values(as: Double.self)).map { $0 - $1 }
    let spread = (shifts.map { $0 * $0 }.reduce(0, +) / Double(shifts.count)).squareRoot()
    XCTAssertEqual(spread, 0.25, accuracy: 0.05)
  }

  func testBlobSizesMatchSklearn() throws {
    var generator = RandomGenerator(seed: 0)
    let (x, y, centers) = try ToyData.blobs(
      samples: [10], features: 3, centers: .count(3), clusterStd: [1], generator: &generator)
    XCTAssertEqual(x.shape, [10, 3])
    XCTAssertEqual(x.dtype, .float64)
    XCTAssertEqual(centers.shape, [3, 3])
    let labels = y.values(as: Int64.self)
    XCTAssertEqual([0, 1, 2].map { c in labels.filter { $0 == c }.count }, [4, 3, 3])
    XCTAssertTrue(centers.values(as: Double.self).allSatisfy { $0 >= -10 && $0 < 10 })

    let given = try ToyData.blobs(
      samples: [2, 5], features: 2, centers: .points([[0, 0], [5, 5]]), clusterStd: [0],
      generator: &generator)
    let labelsGiven = given.y.values(as: Int64.self)
    XCTAssertEqual(labelsGiven.filter { $0 == 1 }.count, 5)
    let points = given.x.values(as: Double.self)
    for (row, label) in labelsGiven.enumerated() {
      XCTAssertEqual(points[2 * row], label == 0 ? 0 : 5)
    }
  }
}
