import Language
import Library
import Support
import XCTest

/// Programs whose printed output (and final traceback) must match what
/// Python with NumPy 2 prints for them.
final class NumPyInPlaceTests: XCTestCase {
  /// What `source` prints, then the traceback if it fails.
  private func output(of source: String, file: String) -> String {
    let saved = Console.shared
    let console = Console(width: 80, colorDepth: .none, isTerminal: false)
    var text = ""
    console.redirect = { text += $0 }
    Console.shared = console
    defer { Console.shared = saved }

    let interpreter = Interpreter(modules: BuiltinModules())
    do {
      _ = try interpreter.run(source, origin: SourceOrigin(file: file), display: .script)
    } catch let error as PyError {
      text += interpreter.formatTraceback(error, color: false)
    } catch {
      text += "\(error)\n"
    }
    return text
  }

  /// `op=` on arrays changes them in place: views, masks, slices and callers see it.
  func testAugmentedAssignmentWritesIntoTheArray() {
    let source = """
      import numpy as np
      a = np.zeros(3); b = a; a += 1; print(b, a is b)
      c = np.arange(5.0); v = c[1:3]; v += 5; print(c)
      def step(w):
          w -= 0.5
      step(c); print(c)
      x = np.arange(6.0); x[x > 2] += 1; print(x)
      x[1:3] *= 2; print(x)
      m = np.ones((2, 2)); m @= np.full((2, 2), 2.0); print(m)
      r = np.ones((2, 3)); r @= np.ones((3, 3)); print(r)
      i = np.arange(4); i //= 2; print(i); i %= 2; print(i); i **= 2; print(i)
      f = np.arange(4.0); f /= 2; print(f)
      bb = np.array([True, False, True]); bb &= np.array([True, True, False]); print(bb)
      bb |= np.array([False, True, False]); print(bb); bb ^= True; print(bb)
      n = np.arange(4); n &= 2; print(n); n |= 1; print(n); n ^= 3; print(n)
      f32 = np.ones(2, dtype=np.float32); f32 += np.ones(2); print(f32, f32.dtype)
      g = np.zeros((2, 3)); g += np.arange(3); print(g)
      s = np.arange(4.0); s += s[::-1]; print(s)
      """
    let expected = """
      [1. 1. 1.] True
      [0. 6. 7. 3. 4.]
      [-0.5  5.5  6.5  2.5  3.5]
      [0. 1. 2. 4. 5. 6.]
      [0. 2. 4. 4. 5. 6.]
      [[4. 4.]
       [4. 4.]]
      [[3. 3. 3.]
       [3. 3. 3.]]
      [0 0 1 1]
      [0 0 1 1]
      [0 0 1 1]
      [0.  0.5 1.  1.5]
      [ True False False]
      [ True  True False]
      [False False  True]
      [0 0 2 2]
      [1 1 3 3]
      [2 2 0 0]
      [2. 2.] float32
      [[0. 1. 2.]
       [0. 1. 2.]]
      [3. 3. 3. 3.]
      """
    XCTAssertEqual(output(of: source, file: "inplace_views.py"), expected + "\n")
  }

  /// In-place results follow NumPy's same_kind casting and keep the target's shape.
  func testAugmentedAssignmentCastsAndBroadcastsAsNumPy() {
    let source = """
      import numpy as np
      def attempt(text, f):
          try:
              f()
          except (TypeError, ValueError, OverflowError) as e:
              print(text, '->', type(e).__name__, str(e).strip())
      def add_half():
          a = np.arange(3); a += 0.5
      def widen():
          a = np.zeros(3); a += np.ones((2, 3))
      def mismatch():
          a = np.zeros(3); a += np.ones(4)
      def matmul():
          a = np.ones((2, 3)); a @= np.ones((3, 2))
      def divide():
          a = np.arange(3); a /= 2
      def to_bool():
          a = np.array([True]); a += 1
      def float_and():
          a = np.arange(3.0); a &= 1
      def to_uint8():
          a = np.arange(3, dtype=np.uint8); a += np.arange(3)
      def too_big():
          a = np.arange(3, dtype=np.uint8); a += 300
      attempt('add_half', add_half)
      attempt('widen', widen)
      attempt('mismatch', mismatch)
      attempt('matmul', matmul)
      attempt('divide', divide)
      attempt('to_bool', to_bool)
      attempt('float_and', float_and)
      attempt('to_uint8', to_uint8)
      attempt('too_big', too_big)
      a = np.arange(3)
      a += 0.5
      """
    let expected = """
      add_half -> UFuncTypeError Cannot cast ufunc 'add' output from dtype('float64') to dtype('\
      int64') with casting rule 'same_kind'
      widen -> ValueError non-broadcastable output operand with shape (3,) doesn't match the bro\
      adcast shape (2,3)
      mismatch -> ValueError operands could not be broadcast together with shapes (3,) (4,) (3,)
      matmul -> ValueError matmul: Output operand 0 has a mismatch in its core dimension 1, wit\
      h gufunc signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)
      divide -> UFuncTypeError Cannot cast ufunc 'divide' output from dtype('float64') to dtype(\
      'int64') with casting rule 'same_kind'
      to_bool -> UFuncTypeError Cannot cast ufunc 'add' output from dtype('int64') to dtype('boo\
      l') with casting rule 'same_kind'
      float_and -> TypeError ufunc 'bitwise_and' not supported for the input types, and the inpu\
      ts could not be safely coerced to any supported types according to the casting rule ''safe''
      to_uint8 -> UFuncTypeError Cannot cast ufunc 'add' output from dtype('int64') to dtype('ui\
      nt8') with casting rule 'same_kind'
      too_big -> OverflowError Python integer 300 out of bounds for uint8
      Traceback (most recent call last):
        File "inplace_errors.py", line 35, in <module>
          a += 0.5
      numpy._core._exceptions._UFuncOutputCastingError: Cannot cast ufunc 'add' output from dtyp\
      e('float64') to dtype('int64') with casting rule 'same_kind'
      """
    XCTAssertEqual(output(of: source, file: "inplace_errors.py"), expected + "\n")
  }

  /// Lists grow in place; tuples, strings, numbers and NumPy scalars rebind.
  func testAugmentedAssignmentKeepsPythonSemanticsForOtherValues() {
    let source = """
      import numpy as np
      l = [1]; l2 = l; l += [2]; l *= 2; print(l, l2, l is l2)
      l += (3,); print(l2)
      t = (1,); t2 = t; t += (2,); print(t, t2)
      s = "a"; s2 = s; s += "b"; print(s, s2)
      k = 1; k2 = k; k += 2; print(k, k2)
      x = np.float64(1.5); y = x; x += 1; print(x, y)
      d = {"w": np.zeros(2)}; d["w"] += 1; print(d)
      """
    let expected = """
      [1, 2, 1, 2] [1, 2, 1, 2] True
      [1, 2, 1, 2, 3]
      (1, 2) (1,)
      ab a
      3 1
      2.5 1.5
      {'w': array([1., 1.])}
      """
    XCTAssertEqual(output(of: source, file: "inplace_python.py"), expected + "\n")
  }

  /// `np.ndarray` and the scalar types work with `type()` and `isinstance`.
  func testArraysAndScalarsHaveNumPyClasses() {
    let source = """
      import numpy as np
      x = np.arange(3.0)
      x32 = np.ones(2, dtype=np.float32)
      print(isinstance(x, np.ndarray), type(x) == np.ndarray, type(x) is np.ndarray, np.ndarray)
      print(type(x32[0]) == np.float32, type(x32[0]) is np.float32, isinstance(np.float64(1), fl\
      oat))
      print(isinstance(np.float32(1), float), isinstance(x[0], np.float64), isinstance(1.0, np.f\
      loat64))
      print(type(np.arange(3)[0]), type(np.float32(3)), type(np.True_), np.float32(3))
      print(x.astype(np.float32).dtype, isinstance(x, (list, np.ndarray)), isinstance([1], np.nd\
      array))
      print(np.ndarray((2,)).shape, type(x), type(x[0]) == float, isinstance(x[0], float))
      """
    let expected = """
      True True True <class 'numpy.ndarray'>
      True True True
      False True False
      <class 'numpy.int64'> <class 'numpy.float32'> <class 'numpy.bool'> 3.0
      float32 True False
      (2,) <class 'numpy.ndarray'> False True
      """
    XCTAssertEqual(output(of: source, file: "numpy_classes.py"), expected + "\n")
  }

  /// `linspace` with zero or one sample, without the endpoint and with `retstep`.
  func testLinspaceEdgeCases() {
    let source = """
      import numpy as np
      print(np.linspace(0, 1, 1), np.linspace(0, 1, 0), np.linspace(0, 1, 1, endpoint=False))
      print(np.linspace(0, 1, 5, endpoint=False), np.linspace(-1, 1, 5, dtype=int))
      print(np.linspace(0, 1, 1, retstep=True), np.linspace(0, 1, 0, retstep=True))
      print(np.linspace(2, 3, 5, retstep=True))
      print(np.linspace(0, 1, 4, endpoint=False, retstep=True))
      print(np.linspace(3, 3, 3, retstep=True))
      """
    let expected = """
      [0.] [] [0.]
      [0.  0.2 0.4 0.6 0.8] [-1 -1  0  0  1]
      (array([0.]), nan) (array([], dtype=float64), nan)
      (array([2.  , 2.25, 2.5 , 2.75, 3.  ]), np.float64(0.25))
      (array([0.  , 0.25, 0.5 , 0.75]), np.float64(0.25))
      (array([3., 3., 3.]), np.float64(0.0))
      """
    XCTAssertEqual(output(of: source, file: "linspace_edges.py"), expected + "\n")
  }

  /// Python ints out of an integer dtype's range, and NaN or infinity, raise on the way in.
  func testPythonNumbersMustFitIntegerArrays() {
    let source = """
      import numpy as np
      a = np.arange(3, dtype=np.uint8)
      print(a == 300, a < 300, a > -1)
      b = np.arange(3, dtype=np.int32)
      print(b == 2**40, b != -2**40)
      a[0] = np.int64(300)
      print(a)
      print(np.array([1, 2, 3], dtype=np.int32) * 2**30)
      def attempt(text, f):
          try:
              f()
          except (OverflowError, ValueError) as e:
              print(text, '->', type(e).__name__, str(e).strip())
      def store(v):
          a = np.arange(3, dtype=np.uint8)
          a[0] = v
      def store_int(v):
          a = np.arange(3)
          a[0] = v
      def store_slice(v):
          a = np.arange(3, dtype=np.uint8)
          a[:2] = v
      attempt('300', lambda: store(300))
      attempt('-1', lambda: store(-1))
      attempt('list', lambda: store_slice([300, 1]))
      attempt('array', lambda: np.array([300], dtype=np.uint8))
      attempt('nested', lambda: np.array([[1, 300]], dtype=np.uint8))
      attempt('mixed', lambda: np.array([1.5, 300], dtype=np.uint8))
      attempt('int32', lambda: np.array([1, 2, 3], dtype=np.int32) * 2**31)
      attempt('add', lambda: np.arange(3, dtype=np.uint8) + 300)
      attempt('negative', lambda: np.arange(3, dtype=np.uint8) + (-1))
      attempt('nan', lambda: store_int(np.nan))
      attempt('inf', lambda: store_int(np.inf))
      attempt('nan array', lambda: np.array([np.nan], dtype=int))
      attempt('full', lambda: np.full(3, 300, dtype=np.uint8))
      attempt('fill', lambda: np.arange(3).fill(np.nan))
      a = np.zeros(2, dtype=np.uint8)
      a[1] = 300
      """
    let expected = """
      [False False False] [ True  True  True] [ True  True  True]
      [False False False] [ True  True  True]
      [44  1  2]
      [ 1073741824 -2147483648 -1073741824]
      300 -> OverflowError Python integer 300 out of bounds for uint8
      -1 -> OverflowError Python integer -1 out of bounds for uint8
      list -> OverflowError Python integer 300 out of bounds for uint8
      array -> OverflowError Python integer 300 out of bounds for uint8
      nested -> OverflowError Python integer 300 out of bounds for uint8
      mixed -> OverflowError Python integer 300 out of bounds for uint8
      int32 -> OverflowError Python integer 2147483648 out of bounds for int32
      add -> OverflowError Python integer 300 out of bounds for uint8
      negative -> OverflowError Python integer -1 out of bounds for uint8
      nan -> ValueError cannot convert float NaN to integer
      inf -> OverflowError cannot convert float infinity to integer
      nan array -> ValueError cannot convert float NaN to integer
      full -> OverflowError Python integer 300 out of bounds for uint8
      fill -> ValueError cannot convert float NaN to integer
      Traceback (most recent call last):
        File "integer_bounds.py", line 38, in <module>
          a[1] = 300
          ~^^^
      OverflowError: Python integer 300 out of bounds for uint8
      """
    XCTAssertEqual(output(of: source, file: "integer_bounds.py"), expected + "\n")
  }

  /// `@=` keeps the target's shape or raises NumPy's errors; fancy indices write back once.
  func testMatrixMultiplyInPlace() {
    let source = """
      import numpy as np
      def attempt(text, f):
          try:
              f()
          except ValueError as e:
              print(text, '->', type(e).__name__, str(e).strip())
      def vector():
          a = np.ones(3); a @= np.ones((3, 2))
      def wider():
          a = np.ones((2, 2)); a @= np.ones((2, 3))
      def by_vector():
          a = np.ones((2, 3)); a @= np.ones(3)
      attempt('vector', vector)
      attempt('wider', wider)
      attempt('by_vector', by_vector)
      v = np.ones(3); v @= np.arange(9.0).reshape(3, 3); print(v)
      x = np.arange(4); x[[0, 0, 1]] += 1; print(x)
      y = np.arange(6).reshape(2, 3); y[1] -= 10; y[:, 0] *= -1; print(y)
      """
    let expected = """
      vector -> ValueError matmul: Output operand 0 has a mismatch in its core dimension 0, wit\
      h gufunc signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)
      wider -> ValueError matmul: Output operand 0 has a mismatch in its core dimension 1, wit\
      h gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)
      by_vector -> ValueError inplace matrix multiplication requires the first operand to have a\
      t least one and the second at least two dimensions.
      [ 9. 12. 15.]
      [1 2 2 3]
      [[ 0  1  2]
       [ 7 -6 -5]]
      """
    XCTAssertEqual(output(of: source, file: "inplace_matmul.py"), expected + "\n")
  }
}
