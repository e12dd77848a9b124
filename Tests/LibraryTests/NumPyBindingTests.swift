import Language
import Library
import Tensors
import XCTest

/// The `numpy` module as programs use it, with NumPy's printed results.
final class NumPyBindingTests: XCTestCase {
  private var h: NumPyHarness!

  override func setUpWithError() throws { h = try NumPyHarness() }

  private func float32() throws -> Value { try h.member(.object(h.np), "float32") }

  func testSeedDropoutCells() throws {
    let data = try h.method(
      h.method(h.call("arange", [.int(1), .int(11)]), "reshape", [.int(5), .int(2)]),
      "astype", [try float32()])
    XCTAssertEqual(
      try data.str(), "[[ 1.  2.]\n [ 3.  4.]\n [ 5.  6.]\n [ 7.  8.]\n [ 9. 10.]]")
    let outputs = try h.call(
      "array",
      [.list([.ints([0, 0]), .ints([0, 8]), .ints([0, 12]), .ints([14, 0]), .ints([0, 0])])],
      [("dtype", try float32())])
    XCTAssertEqual(
      try outputs.str(), "[[ 0.  0.]\n [ 0.  8.]\n [ 0. 12.]\n [14.  0.]\n [ 0.  0.]]")
    guard case .object(let outputsObject) = outputs,
      let mask = try outputsObject.compare(.notEqual, .int(0)),
      case .object(let maskedData) = try data.item(mask),
      case .object(let total) = try h.method(.object(maskedData), "sum"),
      let scaled = try total.binaryOperation(.trueDivide, .float(0.5), reflected: false)
    else { return XCTFail("masking failed") }
    XCTAssertEqual(try scaled.repr(), "np.float32(34.0)")
    XCTAssertEqual(try h.method(try outputs.item(mask), "sum").repr(), "np.float32(34.0)")
  }

  func testArrayLiteralsInferDTypes() throws {
    let ints = try h.call("array", [.list([.ints([1, 2]), .ints([3, 4])])])
    XCTAssertEqual(try ints.repr(), "array([[1, 2],\n       [3, 4]])")
    XCTAssertEqual(try h.member(ints, "dtype").repr(), "dtype('int64')")
    XCTAssertEqual(
      try h.call("array", [.list([.int(1), .float(2.5)])]).repr(), "array([1. , 2.5])")
    XCTAssertEqual(
      try h.call("array", [.list([.bool(true), .bool(false)])]).repr(), "array([ True, False])")
    XCTAssertThrowsError(try h.call("array", [.list([.ints([1, 2]), .ints([3])])])) { error in
      XCTAssertTrue(String(describing: error).contains("inhomogeneous shape after 1 dimensions"))
    }
    XCTAssertEqual(
      try h.call("array", [.object(PyRange(start: 0, stop: 5, step: 2))]).repr(),
      "array([0, 2, 4])")
    XCTAssertEqual(try h.member(ints, "shape").repr(), "(2, 2)")
    XCTAssertEqual(try h.member(h.member(ints, "T"), "ndim").repr(), "2")
  }

  func testScalarsPrintAndComputeAsNumPy2() throws {
    let mean = try h.call("mean", [.list([.float(0.4), .float(0.511550)])])
    XCTAssertEqual(try mean.repr(), "np.float64(0.455775)")
    XCTAssertEqual(try mean.str(), "0.455775")
    XCTAssertEqual(try mean.asDouble(), 0.455775, accuracy: 1e-12)
    guard case .object(let scalar) = mean else { return XCTFail() }
    XCTAssertEqual(try scalar.format(".3f"), "0.456")
    XCTAssertEqual(try scalar.format(">8.2%"), "  45.58%")
    XCTAssertEqual(
      try scalar.binaryOperation(.add, .int(1), reflected: false)?.repr(), "np.float64(1.455775)")
    let count = try h.call("sum", [.ints([1, 2])])
    XCTAssertEqual(try count.repr(), "np.int64(3)")
    XCTAssertEqual(try count.asInt(), 3)
    XCTAssertEqual(try float32().callValue([.int(34)]).repr(), "np.float32(34.0)")
    XCTAssertEqual(try float32().repr(), "<class 'numpy.float32'>")
    let named = try h.call("dtype", [.string("float32")])
    XCTAssertEqual(try named.repr(), "dtype('float32')")
    guard case .object(let namedObject) = named else { return XCTFail() }
    XCTAssertEqual(try namedObject.compare(.equal, try float32())?.repr(), "True")
  }

  func testTensorFlavorPrintsAsTensorFlow() throws {
    let pair = try NDArray(
      [Float(0.66632426), 0.33367577, 0.66282284, 0.3371772], shape: [2, 2])
    XCTAssertEqual(
      try NDArrayObject.tensor(pair).repr(),
      "<tf.Tensor: shape=(2, 2), dtype=float32, numpy=\narray([[0.66632426, 0.33367577],\n"
        + "       [0.66282284, 0.3371772 ]], dtype=float32)>")
    let pixels = NDArrayObject.tensor(
      try NDArray([Float(0.85882354), 0.827451, 0.81960785], shape: [3]))
    XCTAssertEqual(
      try pixels.repr(),
      "<tf.Tensor: shape=(3,), dtype=float32, numpy=array([0.85882354, 0.827451  , 0.81960785],"
        + " dtype=float32)>")
    let image = NDArrayObject.tensor(try NDArray(zeros: [1, 16, 16, 3], dtype: .float32))
    XCTAssertEqual(try h.member(.object(image), "shape").repr(), "TensorShape([1, 16, 16, 3])")
    XCTAssertEqual(
      try h.method(.object(pixels), "numpy").repr(), try Value(array: pixels.array).repr())
    let picked = try Value.object(image).item(.tuple([.int(0), .int(1), .int(2)]))
    XCTAssertEqual(
      try picked.repr(),
      "<tf.Tensor: shape=(3,), dtype=float32, numpy=array([0., 0., 0.], dtype=float32)>")
  }

  func testSlicingTuplesAsInTheSeed() throws {
    let values = try h.method(
      h.call("arange", [.int(96)]), "reshape", [.int(2), .int(4), .int(4), .int(3)])
    let first = try values.item(slice(nil, 1))
    let patch = try first.item(
      .tuple([.int(0), slice(1, 3), slice(2, 4)]))
    XCTAssertEqual(
      try patch.repr(),
      "array([[[18, 19, 20],\n        [21, 22, 23]],\n\n"
        + "       [[30, 31, 32],\n        [33, 34, 35]]])")
    guard case .object(let patchObject) = patch else { return XCTFail() }
    try patchObject.setItem(.tuple([.int(0), .int(0), .int(0)]), .int(-1))
    XCTAssertEqual(
      try values.item(.tuple([.int(0), .int(1), .int(2), .int(0)])).repr(), "np.int64(-1)")
    let reversed = try h.call("arange", [.int(5)]).item(slice(nil, nil, -2))
    XCTAssertEqual(try reversed.repr(), "array([4, 2, 0])")
    let rows = try values.item(.tuple([.ints([1, 0]), .int(0), .int(0)]))
    XCTAssertEqual(try rows.repr(), "array([[48, 49, 50],\n       [ 0,  1,  2]])")
  }

  func testRandomIsSeededAndShaped() throws {
    let random = try h.member(.object(h.np), "random")
    _ = try h.method(random, "seed", [.int(3)])
    let first = try h.method(random, "randint", [.int(16)], [("size", .int(2))])
    _ = try h.method(random, "seed", [.int(3)])
    let second = try h.method(random, "randint", [.int(16)], [("size", .int(2))])
    XCTAssertEqual(try first.repr(), try second.repr())
    XCTAssertEqual(try h.member(first, "shape").repr(), "(2,)")
    let rng = try h.method(random, "default_rng", [.int(0)])
    let draws = try h.method(rng, "integers", [.int(0), .int(10)], [("size", .int(1000))])
    XCTAssertEqual(try h.call("min", [draws]).repr(), "np.int64(0)")
    XCTAssertEqual(try h.call("max", [draws]).repr(), "np.int64(9)")
    let normal = try h.method(random, "randn", [.int(2), .int(3)])
    XCTAssertEqual(try h.member(normal, "shape").repr(), "(2, 3)")
  }

  func testModuleFunctions() throws {
    let x = try h.call("linspace", [.int(0), .int(1), .int(5)])
    XCTAssertEqual(try x.repr(), "array([0.  , 0.25, 0.5 , 0.75, 1.  ])")
    XCTAssertEqual(
      try h.call("unique", [.ints([3, 1, 3])], [("return_counts", .bool(true))]).repr(),
      "(array([1, 3]), array([1, 2]))")
    XCTAssertEqual(
      try h.member(.object(h.np), "c_").item(.tuple([.ints([1, 2]), .ints([3, 4])])).repr(),
      "array([[1, 3],\n       [2, 4]])")
    XCTAssertEqual(
      try h.call("allclose", [.ints([1, 2]), .list([.float(1), .float(2.000001)])]).repr(), "True")
    let linalg = try h.member(.object(h.np), "linalg")
    XCTAssertEqual(try h.method(linalg, "norm", [.ints([3, 4])]).repr(), "np.float64(5.0)")
    let grid = try h.method(h.call("arange", [.int(6)]), "reshape", [.int(2), .int(3)])
    XCTAssertEqual(
      try h.method(grid, "sum", [], [("axis", .int(0)), ("keepdims", .bool(true))]).repr(),
      "array([[3, 5, 7]])")
    XCTAssertEqual(try h.method(grid, "argmax", [], [("axis", .int(1))]).repr(), "array([2, 2])")
    XCTAssertEqual(try h.method(grid, "tolist").repr(), "[[0, 1, 2], [3, 4, 5]]")
  }

  func testTruthinessAndErrors() throws {
    let x = try h.call("zeros", [.tuple([.int(5), .int(2)])])
    XCTAssertThrowsError(try x.isTruthy()) { error in
      XCTAssertEqual(
        (error as? PyError)?.message,
        "The truth value of an array with more than one element is ambiguous. Use a.any() or"
          + " a.all()")
    }
    guard case .object(let object) = x else { return XCTFail() }
    XCTAssertThrowsError(try object.binaryOperation(.add, .ints([1, 2, 3]), reflected: false)) {
      XCTAssertEqual(
        ($0 as? TensorError)?.message,
        "operands could not be broadcast together with shapes (5,2) (3,) ")
    }
    XCTAssertThrowsError(try h.call("zeros", [.tuple([.int(100000), .int(100000), .int(100)])])) {
      XCTAssertEqual(($0 as? TensorError)?.kind, .memoryError)
    }
    XCTAssertThrowsError(try x.item(.int(7))) {
      XCTAssertEqual(
        ($0 as? TensorError)?.message, "index 7 is out of bounds for axis 0 with size 5")
    }
    XCTAssertEqual(try object.length(), 5)
  }
}
