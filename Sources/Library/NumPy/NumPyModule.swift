import Language
import Tensors

/// The `numpy` module.
func makeNumPyModule() throws -> PyModule {
  let np = PyModule("numpy", doc: "Arrays and the maths on them, as NumPy.")
  for dtype in DType.allCases {
    np.define(dtype == .bool ? "bool_" : dtype.rawValue, .object(DTypeObject.scalarType(dtype)))
  }
  np.define("bool", .object(DTypeObject.scalarType(.bool)))
  np.define("int_", .object(DTypeObject.scalarType(.int64)))
  np.define("float_", .object(DTypeObject.scalarType(.float64)))
  np.define("double", .object(DTypeObject.scalarType(.float64)))
  np.define("ndarray", .object(NDArrayObject.ndarrayClass))
  np.define("newaxis", .none)
  np.define("True_", makeNumPyScalar(1, dtype: .bool))
  np.define("False_", makeNumPyScalar(0, dtype: .bool))
  np.define("pi", .float(Double.pi))
  np.define("e", .float(2.718281828459045))
  np.define("inf", .float(.infinity))
  np.define("nan", .float(.nan))
  np.define("__version__", .string("2.0.2"))
  defineCreation(np)
  defineMaths(np)
  defineReductions(np)
  defineShaping(np)
  defineSearching(np)
  definePrintOptions(np)
  defineHistogram(np)
  np.defineLazily("random") { .object(makeNumPyRandomModule()) }
  np.defineLazily("linalg") { .object(makeLinalgModule()) }
  np.define("c_", .object(ConcatenationHelper(columns: true)))
  np.define("r_", .object(ConcatenationHelper(columns: false)))
  return np
}

private func defineCreation(_ np: PyModule) {
  np.function("array") { args in
    let a = try args.bind("array(object, dtype=None, copy=True, ndmin=0)")
    let object = a["object"] ?? .none
    let dtype = try a.dtype()
    let source =
      try dtype.map { try object.asNDArray(storingInto: $0, context: "array()") }
      ?? object.asNDArray(context: "array()")
    var result = try source.astype(dtype ?? source.dtype)
    while result.ndim < (try a.int("ndmin", default: 0)) {
      result = try result.expandingDims(0)
    }
    return .object(NDArrayObject(result))
  }
  np.function("asarray") { args in
    let a = try args.bind("asarray(a, dtype=None)")
    let object = a["a"] ?? .none
    let dtype = try a.dtype()
    let source =
      try dtype.map { try object.asNDArray(storingInto: $0, context: "asarray()") }
      ?? object.asNDArray(context: "asarray()")
    return .object(NDArrayObject(try source.converted(to: dtype ?? source.dtype)))
  }
  for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
    np.function(name) { args in
      let a = try args.bind("\(name)(shape, dtype=float)")
      return .object(
        NDArrayObject(
          try NDArray.full(try a.shape("shape"), value: fill, dtype: try a.dtype() ?? .float64)))
    }
    np.function(name + "_like") { args in
      let a = try args.bind("\(name)_like(a, dtype=None)")
      let source = try a.array("a")
      return .object(
        NDArrayObject(
          try NDArray.full(source.shape, value: fill, dtype: try a.dtype() ?? source.dtype)))
    }
  }
  np.function("full") { args in
    let a = try args.bind("full(shape, fill_value, dtype=None)")
    let fillValue = a["fill_value"] ?? .none
    let fill = try fillValue.asNDArray()
    let out = try NDArray(zeros: try a.shape("shape"), dtype: try a.dtype() ?? fill.dtype)
    try out.assign(try fillValue.asNDArray(storingInto: out.dtype))
    return .object(NDArrayObject(out))
  }
  np.function("full_like") { args in
    let a = try args.bind("full_like(a, fill_value, dtype=None)")
    let source = try a.array("a")
    let out = try NDArray(zeros: source.shape, dtype: try a.dtype() ?? source.dtype)
    try out.assign(try (a["fill_value"] ?? .none).asNDArray(storingInto: out.dtype))
    return .object(NDArrayObject(out))
  }
  np.function("arange") { args in
    let a = try args.bind("arange(start, stop=None, step=None, dtype=None)")
    var values = [a["start"], a.optional("stop"), a.optional("step")].compactMap { $0 }
    if a.optional("stop") == nil { values = [.int(0)] + values }
    let allInts = values.allSatisfy { if case .float = $0 { return false } else { return true } }
    let numbers = try values.map { try $0.asDouble(context: "arange()") }
    return .object(
      NDArrayObject(
        try NDArray.arange(
          start: numbers[0], stop: numbers[1], step: numbers.count > 2 ? numbers[2] : 1,
          dtype: try a.dtype() ?? (allInts ? .int64 : .float64))))
  }
  np.function("linspace") { args in
    let a = try args.bind(
      "linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None)")
    let start = try a.doubleArg("start")
    let stop = try a.doubleArg("stop")
    let num = try a.intArg("num")
    let endpoint = try a.boolArg("endpoint")
    let samples = Value.object(
      NDArrayObject(
        try NDArray.linspace(
          start: start, stop: stop, num: num, endpoint: endpoint,
          dtype: try a.dtype() ?? .float64)))
    guard try a.boolArg("retstep") else { return samples }
    let step = NDArray.linspaceStep(start: start, stop: stop, num: num, endpoint: endpoint)
    // Without a spacing NumPy reports a plain float NaN.
    return .tuple([samples, step.isNaN ? .float(step) : makeNumPyScalar(step, dtype: .float64)])
  }
  np.function("eye") { args in
    let a = try args.bind("eye(N, M=None, k=0, dtype=float)")
    let columns = try a.optional("M").map { try $0.asInt() }
    return .object(
      NDArrayObject(
        try NDArray.eye(
          try a.intArg("N"), columns, k: try a.intArg("k"), dtype: try a.dtype() ?? .float64)))
  }
  np.function("identity") { args in
    let a = try args.bind("identity(n, dtype=None)")
    return .object(
      NDArrayObject(try NDArray.eye(try a.intArg("n"), dtype: try a.dtype() ?? .float64)))
  }
  np.function("meshgrid") { args in
    let a = try args.bind("meshgrid(*xi, indexing='xy')")
    let indexing = try a.stringArg("indexing")
    guard indexing == "xy" || indexing == "ij" else {
      throw PyError.valueError("Valid values for `indexing` are 'xy' and 'ij'.")
    }
    let grids = try NDArray.meshgrid(
      try a.extra.map { try $0.asNDArray() }, cartesian: indexing == "xy")
    return .tuple(grids.map { .object(NDArrayObject($0)) })
  }
  np.function("dtype") { args in
    let a = try args.bind("dtype(dtype)")
    return .object(DTypeObject(try parseDType(a["dtype"] ?? .none), isScalarType: false))
  }
  np.function("copy") { args in
    let a = try args.bind("copy(a)")
    return Value(array: try a.array("a").copy())
  }
}

private func defineMaths(_ np: PyModule) {
  let unary: [(String, UnaryOp)] = [
    ("exp", .exp), ("log", .log), ("log1p", .log1p), ("sqrt", .sqrt), ("abs", .absolute),
    ("absolute", .absolute), ("sign", .sign), ("tanh", .tanh), ("sin", .sin), ("cos", .cos),
    ("negative", .negative), ("square", .square), ("floor", .floor), ("ceil", .ceil),
    ("isnan", .isnan), ("isfinite", .isfinite), ("isinf", .isinf), ("logical_not", .invert),
    ("invert", .invert),
  ]
  for (name, op) in unary {
    np.function(name) { args in
      let a = try args.bind("\(name)(x)")
      guard let x = a["x"] else { return .none }
      var input = try x.asNDArray(context: "\(name)()")
      if name == "logical_not" { input = try input.converted(to: .bool) }
      let flavor = x.object(as: NDArrayObject.self)?.flavor ?? .ndarray
      return Value(array: try input.unary(op), flavor: flavor)
    }
  }
  let binary: [(String, BinaryOp)] = [
    ("add", .add), ("subtract", .subtract), ("multiply", .multiply), ("divide", .trueDivide),
    ("true_divide", .trueDivide), ("floor_divide", .floorDivide), ("mod", .remainder),
    ("remainder", .remainder), ("power", .power), ("maximum", .maximum), ("minimum", .minimum),
    ("equal", .equal), ("not_equal", .notEqual), ("less", .less), ("greater", .greater),
    ("less_equal", .lessEqual), ("greater_equal", .greaterEqual),
    ("logical_and", .bitwiseAnd), ("logical_or", .bitwiseOr), ("logical_xor", .bitwiseXor),
    ("bitwise_and", .bitwiseAnd), ("bitwise_or", .bitwiseOr), ("bitwise_xor", .bitwiseXor),
  ]
  for (name, op) in binary {
    np.function(name) { args in
      let a = try args.bind("\(name)(x1, x2)")
      var x1 = try (a["x1"] ?? .none).asOperand()
      var x2 = try (a["x2"] ?? .none).asOperand()
      if name.hasPrefix("logical") {
        x1 = .array(try (a["x1"] ?? .none).asNDArray().converted(to: .bool))
        x2 = .array(try (a["x2"] ?? .none).asNDArray().converted(to: .bool))
      }
      return Value(array: try NDArray.binary(op, x1, x2))
    }
  }
  for name in ["round", "around"] {
    np.function(name) { args in
      let a = try args.bind("\(name)(a, decimals=0)")
      return Value(array: try a.array("a").rounded(decimals: try a.intArg("decimals")))
    }
  }
  np.function("clip") { args in
    let a = try args.bind("clip(a, a_min=None, a_max=None)")
    return Value(array: try ArrayOperations.clip(try a.array("a"), a["a_min"], a["a_max"]))
  }
  np.function("where") { args in
    let a = try args.bind("where(condition, x=None, y=None)")
    let condition = try a.array("condition")
    guard let x = a["x"], let y = a["y"] else {
      return .tuple(try condition.nonzero().map { Value(array: $0) })
    }
    return Value(array: try NDArray.select(condition, try x.asOperand(), try y.asOperand()))
  }
  np.function("dot") { args in
    let a = try args.bind("dot(a, b)")
    return Value(array: try NDArray.dot(try a.array("a"), try a.array("b")))
  }
  np.function("matmul") { args in
    let a = try args.bind("matmul(x1, x2)")
    return Value(array: try NDArray.matmul(try a.array("x1"), try a.array("x2")))
  }
  np.function("isclose") { args in
    let a = try args.bind("isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)")
    return Value(array: try closeness(a))
  }
  np.function("allclose") { args in
    let a = try args.bind("allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)")
    let close = try closeness(a).reduce(.all)
    return .bool(close.double(atOffset: close.offset) != 0)
  }
  np.function("array_equal") { args in
    let a = try args.bind("array_equal(a1, a2)")
    let x = try a.array("a1")
    let y = try a.array("a2")
    guard x.shape == y.shape else { return .bool(false) }
    let same = try NDArray.binary(.equal, x, y).reduce(.all)
    return .bool(same.double(atOffset: same.offset) != 0)
  }
}

/// `|a - b| <= atol + rtol * |b|`, with NaNs equal when asked.
private func closeness(_ a: BoundArguments) throws -> NDArray {
  let x = try a.array("a").converted(to: .float64)
  let y = try a.array("b").converted(to: .float64)
  let difference = try NDArray.binary(.subtract, x, y).unary(.absolute)
  let scaled = try NDArray.binary(
    .multiply, .array(y.unary(.absolute)), .float(a.doubleArg("rtol")))
  let bound = try NDArray.binary(.add, .array(scaled), .float(a.doubleArg("atol")))
  var close = try NDArray.binary(.lessEqual, difference, bound)
  let infinities = try NDArray.binary(.equal, x, y)
  close = try NDArray.binary(.bitwiseOr, close, infinities)
  if try a.boolArg("equal_nan") {
    let bothNaN = try NDArray.binary(.bitwiseAnd, x.unary(.isnan), y.unary(.isnan))
    close = try NDArray.binary(.bitwiseOr, close, bothNaN)
  }
  return close
}

private func defineReductions(_ np: PyModule) {
  let reductions: [(String, ReductionOp)] = [
    ("sum", .sum), ("prod", .prod), ("mean", .mean), ("min", .min), ("max", .max),
    ("amin", .min), ("amax", .max), ("argmin", .argmin), ("argmax", .argmax),
    ("any", .any), ("all", .all),
  ]
  for (name, op) in reductions {
    let signature = "\(name)(a, \(ArrayOperations.reductionSignature(name, op)))"
    np.function(name) { args in
      let a = try args.bind(signature)
      return Value(array: try ArrayOperations.reduce(op, try a.array("a"), a))
    }
  }
  for name in ["std", "var"] {
    let signature = "\(name)(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False)"
    np.function(name) { args in
      let a = try args.bind(signature)
      return Value(
        array: try ArrayOperations.spread(name, try a.array("a"), a, std: name == "std"))
    }
  }
  np.function("cumsum") { args in
    let a = try args.bind("cumsum(a, axis=None, dtype=None)")
    let axis = try a.optional("axis").map { try $0.asInt(context: "cumsum() axis") }
    return Value(array: try a.array("a").cumulativeSum(axis: axis))
  }
  np.function("count_nonzero") { args in
    let a = try args.bind("count_nonzero(a, axis=None)")
    let flags = try a.array("a").converted(to: .bool)
    return Value(array: try flags.reduce(.sum, axes: try a.axes()))
  }
}

private func defineShaping(_ np: PyModule) {
  np.function("reshape") { args in
    let a = try args.bind("reshape(a, newshape=None, order='C', shape=None)")
    let shape = try a.optional("shape") ?? a.optional("newshape") ?? .none
    return Value(array: try a.array("a").reshaped(try intList(shape, context: "reshape()")))
  }
  np.function("transpose") { args in
    let a = try args.bind("transpose(a, axes=None)")
    return Value(array: try a.array("a").transposed(try a.axes("axes")))
  }
  np.function("squeeze") { args in
    let a = try args.bind("squeeze(a, axis=None)")
    return Value(array: try a.array("a").squeezed(try a.axes()))
  }
  np.function("expand_dims") { args in
    let a = try args.bind("expand_dims(a, axis)")
    var result = try a.array("a")
    let axes = try a.axes() ?? []
    let rank = result.ndim + axes.count
    for axis in try axes.map({ try NDArray.normalizeAxis($0, rank: rank) }).sorted() {
      result = try result.expandingDims(axis)
    }
    return Value(array: result)
  }
  np.function("ravel") { args in
    let a = try args.bind("ravel(a)")
    return Value(array: try a.array("a").raveled())
  }
  np.function("shape") { args in
    let a = try args.bind("shape(a)")
    return shapeTuple(try a.array("a").shape)
  }
  np.function("ndim") { args in
    let a = try args.bind("ndim(a)")
    return .int(try a.array("a").ndim)
  }
  np.function("size") { args in
    let a = try args.bind("size(a)")
    return .int(try a.array("a").count)
  }
  np.function("concatenate") { args in
    let a = try args.bind("concatenate(arrays, axis=0)")
    // Omitted, the axis is 0; an explicit None joins the flattened arrays.
    let axis = try a["axis"] == nil ? 0 : a.optional("axis").map { try $0.asInt() }
    return Value(array: try NDArray.concatenate(try arrayList(a["arrays"]), axis: axis))
  }
  np.function("stack") { args in
    let a = try args.bind("stack(arrays, axis=0)")
    return Value(array: try NDArray.stack(try arrayList(a["arrays"]), axis: try a.intArg("axis")))
  }
  np.function("vstack") { args in
    let a = try args.bind("vstack(tup)")
    let arrays = try arrayList(a["tup"]).map { $0.ndim < 2 ? try $0.reshaped([1, -1]) : $0 }
    return Value(array: try NDArray.concatenate(arrays, axis: 0))
  }
  np.function("hstack") { args in
    let a = try args.bind("hstack(tup)")
    let arrays = try arrayList(a["tup"]).map { $0.ndim == 0 ? try $0.reshaped([1]) : $0 }
    let axis = arrays.first.map { $0.ndim == 1 ? 0 : 1 } ?? 0
    return Value(array: try NDArray.concatenate(arrays, axis: axis))
  }
  np.function("column_stack") { args in
    let a = try args.bind("column_stack(tup)")
    let arrays = try arrayList(a["tup"]).map { $0.ndim < 2 ? try $0.reshaped([-1, 1]) : $0 }
    return Value(array: try NDArray.concatenate(arrays, axis: 1))
  }
}

private func defineSearching(_ np: PyModule) {
  np.function("argsort") { args in
    let a = try args.bind("argsort(a, axis=-1, kind=None)")
    return Value(array: try a.array("a").argsort(axis: try a.intArg("axis")))
  }
  np.function("sort") { args in
    let a = try args.bind("sort(a, axis=-1, kind=None)")
    return Value(array: try a.array("a").sorted(axis: try a.intArg("axis")))
  }
  np.function("unique") { args in
    let a = try args.bind("unique(ar, return_counts=False)")
    let (values, counts) = try a.array("ar").unique()
    if try a.boolArg("return_counts") {
      return .tuple([Value(array: values), Value(array: counts)])
    }
    return Value(array: values)
  }
  np.function("bincount") { args in
    let a = try args.bind("bincount(x, weights=None, minlength=0)")
    let weights = try a.optional("weights").map { try $0.asNDArray() }
    return Value(
      array: try a.array("x").bincount(weights: weights, minLength: try a.intArg("minlength")))
  }
  np.function("nonzero") { args in
    let a = try args.bind("nonzero(a)")
    return .tuple(try a.array("a").nonzero().map { Value(array: $0) })
  }
  np.function("argwhere") { args in
    let a = try args.bind("argwhere(a)")
    let columns = try a.array("a").nonzero()
    return Value(array: try NDArray.stack(columns, axis: 1))
  }
}

/// A sequence of array-likes as arrays.
private func arrayList(_ value: Value?) throws -> [NDArray] {
  guard let value else { return [] }
  if let items = value.object(as: PyList.self)?.items ?? value.object(as: PyTuple.self)?.items {
    return try items.map { try $0.asNDArray() }
  }
  let array = try value.asNDArray()
  return try (0..<(array.shape.first ?? 0)).map { try array.subscripted([.index($0)]) }
}

/// `np.c_` and `np.r_`: index-expression builders that join arrays as
/// columns or end to end; slices become ranges.
final class ConcatenationHelper: PyObject {
  let columns: Bool

  init(columns: Bool) { self.columns = columns }

  override var type: PyType { Self.pyType }
  private static let pyType = PyType("AxisConcatenator")

  override func item(_ key: Value) throws -> Value {
    let parts = key.object(as: PyTuple.self)?.items ?? [key]
    var arrays = try parts.map { part -> NDArray in
      if case .object(let object) = part, object.type.name == "slice" {
        func bound(_ name: String) throws -> Double? {
          guard let value = try object.attribute(name), !value.isNone else { return nil }
          return try value.asDouble()
        }
        return try NDArray.arange(
          start: try bound("start") ?? 0, stop: try bound("stop") ?? 0,
          step: try bound("step") ?? 1, dtype: .int64)
      }
      let array = try part.asNDArray()
      return array.ndim == 0 ? try array.reshaped([1]) : array
    }
    if columns {
      arrays = try arrays.map { $0.ndim == 1 ? try $0.reshaped([-1, 1]) : $0 }
      return Value(array: try NDArray.concatenate(arrays, axis: -1))
    }
    return Value(array: try NDArray.concatenate(arrays, axis: 0))
  }
}
