import DataFiles
import Foundation
import Tensors
import XCTest

/// Split sizes as scikit-learn 1.9 computes them.
final class TrainTestSplitTests: XCTestCase {
  typealias Size = TrainTestSplit.Size

  func testSizesMatchSklearn() throws {
    let cases: [(Int, Size?, Size?, Int, Int)] = [
      (3004, .fraction(0.25), nil, 2253, 751), (10, nil, nil, 7, 3),
      (10, .fraction(0.33), nil, 6, 4), (10, .count(3), nil, 7, 3),
      (10, nil, .fraction(0.5), 5, 5), (10, nil, .count(7), 7, 3),
      (10, .fraction(0.2), .fraction(0.5), 5, 2), (7, .fraction(0.5), .fraction(0.3), 2, 4),
    ]
    for (samples, test, train, trainSize, testSize) in cases {
      let sizes = try TrainTestSplit.sizes(samples: samples, test: test, train: train)
      XCTAssertEqual(sizes.train, trainSize, "\(samples) \(String(describing: test))")
      XCTAssertEqual(sizes.test, testSize, "\(samples) \(String(describing: test))")
    }
    XCTAssertThrowsError(try TrainTestSplit.sizes(samples: 10, test: .count(10), train: nil))
    XCTAssertThrowsError(try TrainTestSplit.sizes(samples: 10, test: .fraction(1.5), train: nil))
    XCTAssertThrowsError(
      try TrainTestSplit.sizes(samples: 10, test: .fraction(0.6), train: .fraction(0.6)))
    XCTAssertThrowsError(try TrainTestSplit.sizes(samples: 10, test: .count(5), train: .count(6)))
  }

  func testShuffledIndicesPartitionTheRows() throws {
    var generator = RandomGenerator(seed: 5)
    let (train, test) = try TrainTestSplit.indices(
      samples: 3004, test: .fraction(0.25), train: nil, generator: &generator)
    XCTAssertEqual(train.count, 2253)
    XCTAssertEqual(test.count, 751)
    XCTAssertEqual(Set(train + test).count, 3004)
    XCTAssertNotEqual(train, Array(0..<2253))
  }

  func testUnshuffledSplitKeepsOrder() throws {
    var generator = RandomGenerator(seed: 5)
    let (train, test) = try TrainTestSplit.indices(
      samples: 10, test: .fraction(0.3), train: nil, shuffle: false, generator: &generator)
    XCTAssertEqual(train, Array(0..<7))
    XCTAssertEqual(test, [7, 8, 9])
  }

  func testStratifiedSplitKeepsClassShares() throws {
    var generator = RandomGenerator(seed: 5)
    let labels = (0..<20).map { Double($0 % 2) }
    let (train, test) = try TrainTestSplit.indices(
      samples: 20, test: .fraction(0.25), train: nil, stratify: labels, generator: &generator)
    XCTAssertEqual(train.count, 15)
    XCTAssertEqual(test.count, 5)
    let testOdd = test.filter { $0 % 2 == 1 }.count
    // sklearn gives 3 and 2 (which class gets the extra one is random).
    XCTAssertTrue([2, 3].contains(testOdd))
    XCTAssertEqual(Set(train + test).count, 20)
    XCTAssertThrowsError(
      try TrainTestSplit.indices(
        samples: 3, test: .count(1), train: nil, stratify: [0, 1, 1], generator: &generator))
  }

  func testRowsGathersWholeRows() throws {
    let array = try NDArray((0..<12).map(Int64.init), shape: [4, 3])
    let picked = try TrainTestSplit.rows(array, [3, 0])
    XCTAssertEqual(picked.shape, [2, 3])
    XCTAssertEqual(picked.values(as: Int64.self), [9, 10, 11, 0, 1, 2])
    XCTAssertThrowsError(try TrainTestSplit.rows(array, [4]))
  }
}
