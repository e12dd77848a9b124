import Language
import Library
import XCTest

/// Every `numpy` function and ndarray method called with only its required
/// arguments, each compared with the repr NumPy gives for the same call.
final class NumPyRequiredArgumentTests: XCTestCase {
  private let setup = """
    import numpy as np
    a = np.array([1, 2, 3])
    b = np.array([3, 1, 2])
    f = np.array([0.5, 1.5, 2.25])
    """

  private func run(_ source: String) throws -> [String] {
    let interpreter = Interpreter(modules: BuiltinModules())
    let values = try interpreter.run(
      setup + "\n" + source, origin: SourceOrigin(file: "<test>"), display: .interactive)
    return try values.map { try $0.repr() }
  }

  func testEveryCallWithOnlyRequiredArgumentsMatchesNumPy() throws {
    for (call, expected) in Self.calls {
      XCTAssertEqual(try run(call), [expected], call)
    }
  }

  func testEveryFunctionAndMethodIsCovered() throws {
    let called = Self.calls.map(\.call).joined(separator: "\n")
    let functions = "type(getattr(m, n)).__name__ == 'builtin_function_or_method'"
    let listings = [
      ("np.", "m = np\n[n for n in dir(m) if \(functions)]"),
      ("np.random.", "m = np.random\n[n for n in dir(m) if \(functions)]"),
      ("np.linalg.", "m = np.linalg\n[n for n in dir(m) if \(functions)]"),
      ("default_rng().", "dir(np.random.default_rng())"),
      // `numpy()` belongs to the tf.Tensor flavour, which NumPy lacks.
      (".", "[n for n in dir(a) if n != 'numpy']"),
    ]
    for (prefix, listing) in listings {
      let names = try XCTUnwrap(run(listing).last)
      XCTAssertGreaterThan(names.count, 2, listing)
      for name in names.dropFirst().dropLast().split(separator: ",") {
        let bare = name.trimmingCharacters(in: CharacterSet(charactersIn: " '"))
        XCTAssertTrue(called.contains(prefix + bare), "\(prefix)\(bare) not called")
      }
    }
  }

  private static let calls: [(call: String, expected: String)] = [
    ("np.abs(a)", "array([1, 2, 3])"),
    ("np.absolute(a)", "array([1, 2, 3])"),
    ("np.add(a, b)", "array([4, 3, 5])"),
    ("np.all(a)", "np.True_"),
    ("np.allclose(a, b)", "False"),
    ("np.amax(a)", "np.int64(3)"),
    ("np.amin(a)", "np.int64(1)"),
    ("np.any(a)", "np.True_"),
    ("np.arange(3)", "array([0, 1, 2])"),
    ("np.argmax(a)", "np.int64(2)"),
    ("np.argmin(a)", "np.int64(0)"),
    ("np.argsort(a)", "array([0, 1, 2])"),
    ("np.argwhere(a)", "array([[0],\n       [1],\n       [2]])"),
    ("np.around(f)", "array([0., 2., 2.])"),
    ("np.array(a)", "array([1, 2, 3])"),
    ("np.array_equal(a, b)", "False"),
    ("np.asarray(a)", "array([1, 2, 3])"),
    ("np.bincount(a)", "array([0, 1, 1, 1])"),
    ("np.bitwise_and(a, b)", "array([1, 0, 2])"),
    ("np.bitwise_or(a, b)", "array([3, 3, 3])"),
    ("np.bitwise_xor(a, b)", "array([2, 3, 1])"),
    ("np.ceil(f)", "array([1., 2., 3.])"),
    ("np.clip(a, 1, 2)", "array([1, 2, 2])"),
    ("np.column_stack((a, b))", "array([[1, 3],\n       [2, 1],\n       [3, 2]])"),
    ("np.concatenate((a, b))", "array([1, 2, 3, 3, 1, 2])"),
    ("np.copy(a)", "array([1, 2, 3])"),
    ("np.cos(f)", "array([ 0.87758256,  0.0707372 , -0.62817362])"),
    ("np.count_nonzero(a)", "np.int64(3)"),
    ("np.cumsum(a)", "array([1, 3, 6])"),
    ("np.divide(a, b)", "array([0.33333333, 2.        , 1.5       ])"),
    ("np.dot(a, b)", "np.int64(11)"),
    ("np.dtype('int32')", "dtype('int32')"),
    ("np.empty(2).shape", "(2,)"),
    ("np.empty_like(a).shape", "(3,)"),
    ("np.equal(a, b)", "array([False, False, False])"),
    ("np.exp(f)", "array([1.64872127, 4.48168907, 9.48773584])"),
    ("np.expand_dims(a, 0)", "array([[1, 2, 3]])"),
    ("np.eye(2)", "array([[1., 0.],\n       [0., 1.]])"),
    ("np.floor(f)", "array([0., 1., 2.])"),
    ("np.floor_divide(a, b)", "array([0, 2, 1])"),
    ("np.full(2, 7)", "array([7, 7])"),
    ("np.full_like(a, 7)", "array([7, 7, 7])"),
    ("np.get_printoptions()['precision']", "8"),
    ("np.greater(a, b)", "array([False,  True,  True])"),
    ("np.greater_equal(a, b)", "array([False,  True,  True])"),
    (
      "np.histogram(a)",
      "(array([1, 0, 0, 0, 0, 1, 0, 0, 0, 1]), array([1. , 1.2, 1.4, 1.6, 1.8, 2. , 2.2, 2.4,"
        + " 2.6, 2.8, 3. ]))"
    ),
    ("np.hstack((a, b))", "array([1, 2, 3, 3, 1, 2])"),
    ("np.identity(2)", "array([[1., 0.],\n       [0., 1.]])"),
    ("np.invert(a)", "array([-2, -3, -4])"),
    ("np.isclose(a, b)", "array([False, False, False])"),
    ("np.isfinite(f)", "array([ True,  True,  True])"),
    ("np.isinf(f)", "array([False, False, False])"),
    ("np.isnan(f)", "array([False, False, False])"),
    ("np.less(a, b)", "array([ True, False, False])"),
    ("np.less_equal(a, b)", "array([ True, False, False])"),
    ("np.linspace(0, 1)[[0, 1, 49]]", "array([0.        , 0.02040816, 1.        ])"),
    ("np.log(f)", "array([-0.69314718,  0.40546511,  0.81093022])"),
    ("np.log1p(f)", "array([0.40546511, 0.91629073, 1.178655  ])"),
    ("np.logical_and(a, b)", "array([ True,  True,  True])"),
    ("np.logical_not(a)", "array([False, False, False])"),
    ("np.logical_or(a, b)", "array([ True,  True,  True])"),
    ("np.logical_xor(a, b)", "array([False, False, False])"),
    ("np.matmul(a, b)", "np.int64(11)"),
    ("np.max(a)", "np.int64(3)"),
    ("np.maximum(a, b)", "array([3, 2, 3])"),
    ("np.mean(a)", "np.float64(2.0)"),
    ("np.meshgrid(a, b)[1]", "array([[3, 3, 3],\n       [1, 1, 1],\n       [2, 2, 2]])"),
    ("np.min(a)", "np.int64(1)"),
    ("np.minimum(a, b)", "array([1, 1, 2])"),
    ("np.mod(a, b)", "array([1, 0, 1])"),
    ("np.multiply(a, b)", "array([3, 2, 6])"),
    ("np.ndim(a)", "1"),
    ("np.negative(a)", "array([-1, -2, -3])"),
    ("np.nonzero(a)", "(array([0, 1, 2]),)"),
    ("np.not_equal(a, b)", "array([ True,  True,  True])"),
    ("np.ones(2)", "array([1., 1.])"),
    ("np.ones_like(a)", "array([1, 1, 1])"),
    ("np.power(a, b)", "array([1, 2, 9])"),
    ("type(np.printoptions()).__name__", "'_GeneratorContextManager'"),
    ("np.prod(a)", "np.int64(6)"),
    ("np.ravel(a)", "array([1, 2, 3])"),
    ("np.remainder(a, b)", "array([1, 0, 1])"),
    ("np.reshape(a, (3, 1))", "array([[1],\n       [2],\n       [3]])"),
    ("np.round(f)", "array([0., 2., 2.])"),
    ("np.set_printoptions() is None", "True"),
    ("np.shape(a)", "(3,)"),
    ("np.sign(f)", "array([1., 1., 1.])"),
    ("np.sin(f)", "array([0.47942554, 0.99749499, 0.7780732 ])"),
    ("np.size(a)", "3"),
    ("np.sort(a)", "array([1, 2, 3])"),
    ("np.sqrt(f)", "array([0.70710678, 1.22474487, 1.5       ])"),
    ("np.square(a)", "array([1, 4, 9])"),
    ("np.squeeze(a)", "array([1, 2, 3])"),
    ("np.stack((a, b))", "array([[1, 2, 3],\n       [3, 1, 2]])"),
    ("np.std(a)", "np.float64(0.816496580927726)"),
    ("np.subtract(a, b)", "array([-2,  1,  1])"),
    ("np.sum(a)", "np.int64(6)"),
    ("np.tanh(f)", "array([0.46211716, 0.90514825, 0.97802611])"),
    ("np.transpose(a)", "array([1, 2, 3])"),
    ("np.true_divide(a, b)", "array([0.33333333, 2.        , 1.5       ])"),
    ("np.unique(a)", "array([1, 2, 3])"),
    ("np.var(a)", "np.float64(0.6666666666666666)"),
    ("np.vstack((a, b))", "array([[1, 2, 3],\n       [3, 1, 2]])"),
    ("np.where(a)", "(array([0, 1, 2]),)"),
    ("np.zeros(2)", "array([0., 0.])"),
    ("np.zeros_like(a)", "array([0, 0, 0])"),
    ("np.linalg.norm(f)", "np.float64(2.75)"),
    ("int(np.random.choice(3)) in (0, 1, 2)", "True"),
    ("0 <= float(np.random.default_rng().random()) < 1", "True"),
    ("abs(float(np.random.normal())) < 100", "True"),
    ("np.sort(np.random.permutation(3))", "array([0, 1, 2])"),
    ("0 <= float(np.random.rand()) < 1", "True"),
    ("int(np.random.randint(3)) in (0, 1, 2)", "True"),
    ("abs(float(np.random.randn())) < 100", "True"),
    ("0 <= float(np.random.random()) < 1", "True"),
    ("np.random.seed() is None", "True"),
    ("np.random.shuffle([1, 2]) is None", "True"),
    ("0 <= float(np.random.uniform()) < 1", "True"),
    ("int(np.random.default_rng().choice(3)) in (0, 1, 2)", "True"),
    ("int(np.random.default_rng().integers(3)) in (0, 1, 2)", "True"),
    ("abs(float(np.random.default_rng().normal())) < 100", "True"),
    ("np.sort(np.random.default_rng().permutation(3))", "array([0, 1, 2])"),
    ("abs(float(np.random.default_rng().standard_normal())) < 100", "True"),
    ("0 <= float(np.random.default_rng().uniform()) < 1", "True"),
    ("a.T", "array([1, 2, 3])"),
    ("a.all()", "np.True_"),
    ("a.any()", "np.True_"),
    ("a.argmax()", "np.int64(2)"),
    ("a.argmin()", "np.int64(0)"),
    ("a.argsort()", "array([0, 1, 2])"),
    ("a.astype(np.float32)", "array([1., 2., 3.], dtype=float32)"),
    ("f.clip(0)", "array([0.5 , 1.5 , 2.25])"),
    ("a.copy()", "array([1, 2, 3])"),
    ("a.cumsum()", "array([1, 3, 6])"),
    ("a.dot(b)", "np.int64(11)"),
    ("a.dtype", "dtype('int64')"),
    ("a.copy().fill(4) is None", "True"),
    ("a.flatten()", "array([1, 2, 3])"),
    ("a[:1].item()", "1"),
    ("a.itemsize", "8"),
    ("a.max()", "np.int64(3)"),
    ("a.mean()", "np.float64(2.0)"),
    ("a.min()", "np.int64(1)"),
    ("a.nbytes", "24"),
    ("a.ndim", "1"),
    ("a.nonzero()", "(array([0, 1, 2]),)"),
    ("a.prod()", "np.int64(6)"),
    ("a.ravel()", "array([1, 2, 3])"),
    ("a.reshape(3, 1)", "array([[1],\n       [2],\n       [3]])"),
    ("f.round()", "array([0., 2., 2.])"),
    ("a.shape", "(3,)"),
    ("a.size", "3"),
    ("a.copy().sort() is None", "True"),
    ("a.reshape(1, 3).squeeze()", "array([1, 2, 3])"),
    ("a.std()", "np.float64(0.816496580927726)"),
    ("a.sum()", "np.int64(6)"),
    ("a.reshape(1, 3).swapaxes(0, 1)", "array([[1],\n       [2],\n       [3]])"),
    ("a.tolist()", "[1, 2, 3]"),
    ("a.transpose()", "array([1, 2, 3])"),
    ("a.var()", "np.float64(0.6666666666666666)"),
  ]
}
