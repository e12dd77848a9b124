import DataFiles
import Language
import Tensors

/// Conversions between the language's values and HDF5 contents.
enum H5pyValues {
  /// A read result as the language sees it: arrays as ndarrays, a single
  /// string as str, several as (nested) lists of str.
  static func value(_ data: HDF5Data) -> Value {
    switch data {
    case .array(let array): return Value(array: array)
    case .strings(let strings, let shape):
      if shape.isEmpty { return .string(strings.first ?? "") }
      return nest(strings.map(Value.string), shape: shape)
    }
  }

  private static func nest(_ items: [Value], shape: [Int]) -> Value {
    guard shape.count > 1, let first = shape.first, first > 0 else { return .list(items) }
    let step = items.count / first
    let rows = (0..<first).map { row in
      nest(Array(items[(row * step)..<((row + 1) * step)]), shape: Array(shape.dropFirst()))
    }
    return .list(rows)
  }

  /// A value to store: numbers, bools, strings, arrays and rectangular
  /// (nested) lists or tuples of them.
  static func data(_ value: Value, what: String) throws -> HDF5Data {
    switch value {
    case .int(let number): return .array(NDArray(scalar: Int64(number)))
    case .float(let number): return .array(NDArray(scalar: number))
    case .bool(let flag): return .array(NDArray(scalar: flag))
    case .string(let text): return .strings([text], shape: [])
    case .none:
      throw PyError.typeError("\(what) cannot be None")
    case .object(let object):
      if let array = object as? NDArrayObject { return .array(array.array) }
      if object is PyList || object is PyTuple { return try sequence(value, what: what) }
      return .array(try value.asNDArray(context: what))
    }
  }

  /// Flattens a rectangular nested list, as `np.asarray` reads one.
  private static func sequence(_ value: Value, what: String) throws -> HDF5Data {
    var shape: [Int] = []
    var leaves: [Value] = []
    try flatten(value, depth: 0, shape: &shape, leaves: &leaves, what: what)
    if leaves.allSatisfy({ if case .string = $0 { return true } else { return false } }),
      !leaves.isEmpty
    {
      return .strings(
        leaves.map { if case .string(let s) = $0 { return s } else { return "" } },
        shape: shape)
    }
    if leaves.allSatisfy({ if case .bool = $0 { return true } else { return false } }),
      !leaves.isEmpty
    {
      return .array(try NDArray(leaves.map { (try? $0.isTruthy()) ?? false }, shape: shape))
    }
    let integral = leaves.allSatisfy {
      switch $0 {
      case .int, .bool: return true
      default: return false
      }
    }
    if integral && !leaves.isEmpty {
      return .array(try NDArray(try leaves.map { Int64(try $0.asInt()) }, shape: shape))
    }
    let numbers = try leaves.map { try $0.asDouble(context: what) }
    return .array(try NDArray(numbers, shape: shape))
  }

  private static func flatten(
    _ value: Value, depth: Int, shape: inout [Int], leaves: inout [Value], what: String
  ) throws {
    let items: [Value]?
    if let list = value.object(as: PyList.self) {
      items = list.items
    } else if let tuple = value.object(as: PyTuple.self) {
      items = tuple.items
    } else {
      items = nil
    }
    guard let items else {
      guard depth == shape.count else {
        throw PyError.valueError("\(what) must be a rectangular nested list")
      }
      leaves.append(value)
      return
    }
    guard depth < 32 else { throw PyError.valueError("\(what) is nested too deeply") }
    if depth == shape.count {
      guard leaves.isEmpty || depth > 0 else {
        throw PyError.valueError("\(what) must be a rectangular nested list")
      }
      shape.append(items.count)
    } else if shape[depth] != items.count {
      throw PyError.valueError(
        "\(what) must be a rectangular nested list: rows of length \(shape[depth])"
          + " and \(items.count)")
    }
    for item in items {
      try flatten(item, depth: depth + 1, shape: &shape, leaves: &leaves, what: what)
    }
  }

  /// A dtype given as `'f4'`, `'float32'`, `np.float32`, `bool`, a dtype
  /// object or None.
  static func dtype(_ value: Value?) throws -> DType? {
    guard let value, !value.isNone else { return nil }
    if let dtype = value.object(as: H5pyDType.self) { return dtype.dataType.arrayDType }
    let (text, _) = dtypeText(value)
    let kinds: [String: DType] = [
      "bool": .bool, "uint8": .uint8, "int32": .int32, "int64": .int64,
      "float32": .float32, "float64": .float64,
    ]
    if let name = numpyNames[text], kinds[name] == nil {
      throw PyError.typeError(
        "mlscript cannot store \(name) data; it stores bool, uint8, int32, int64, float32"
          + " and float64")
    }
    guard let dtype = numpyNames[text].flatMap({ kinds[$0] }) else {
      throw PyError.typeError(
        "data type '\(text)' not understood; mlscript stores bool, uint8, int32, int64,"
          + " float32 and float64")
    }
    return dtype
  }

  /// NumPy's name for a dtype given as text or a type (`'i1'`, `'<f2'`,
  /// `np.float32`), and whether it asks for big-endian order; nil when
  /// NumPy would not understand it.
  static func numpyName(_ value: Value) -> (name: String, bigEndian: Bool)? {
    let (text, bigEndian) = dtypeText(value)
    return numpyNames[text].map { ($0, bigEndian) }
  }

  /// The bare name of a dtype argument, without module, class wrapper or
  /// byte order, and whether the order was `>`.
  private static func dtypeText(_ value: Value) -> (String, bigEndian: Bool) {
    var text: String
    switch value {
    case .string(let name): text = name
    case .object(let object):
      if case .string(let named)?? = try? object.attribute("name") {
        text = named
      } else if case .string(let named)?? = try? object.attribute("__name__") {
        text = named
      } else {
        text = (try? object.repr()) ?? ""
      }
    default: text = (try? value.repr()) ?? ""
    }
    if text.hasPrefix("<class '") {
      text = String(text.dropFirst(8).dropLast(2))
    }
    if let dot = text.lastIndex(of: ".") { text = String(text[text.index(after: dot)...]) }
    var bigEndian = false
    if let first = text.first, "<>|=".contains(first) {
      bigEndian = first == ">"
      text.removeFirst()
    }
    return (text, bigEndian)
  }

  /// NumPy's spellings of the numeric dtypes, by the name `dtype.name`
  /// gives; the narrow ones only describe files, since arrays read from
  /// them widen.
  private static let numpyNames: [String: String] = {
    let spellings: [String: [String]] = [
      "bool": ["bool", "bool_", "b1", "?"],
      "int8": ["int8", "i1", "b", "byte"],
      "int16": ["int16", "i2", "h", "short"],
      "int32": ["int32", "i4", "intc"],
      "int64": ["int64", "i8", "int", "int_", "l", "q", "long"],
      "uint8": ["uint8", "u1", "B", "ubyte"],
      "uint16": ["uint16", "u2", "H", "ushort"],
      "uint32": ["uint32", "u4", "I", "uintc"],
      "uint64": ["uint64", "u8", "L", "Q", "ulong"],
      "float16": ["float16", "f2", "e", "half"],
      "float32": ["float32", "f4", "f", "single"],
      "float64": ["float64", "f8", "float", "d", "double", "float_"],
    ]
    var table: [String: String] = [:]
    for (name, aliases) in spellings {
      for alias in aliases { table[alias] = name }
    }
    return table
  }()
}

/// A dataset's element type as h5py reports it: `dtype('uint8')`.
final class H5pyDType: PyObject {
  let dataType: HDF5DataType

  init(_ dataType: HDF5DataType) { self.dataType = dataType }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("dtype") { t in
    t.property("name") { (d: H5pyDType) in .string(d.numpyName) }
    t.property("itemsize") { (d: H5pyDType) in .int(d.itemSize) }
    t.property("str") { (d: H5pyDType) in .string(d.dataType.descriptor) }
    t.property("kind") { (d: H5pyDType) in
      .string(String(d.dataType.descriptor.dropFirst().prefix(1)))
    }
  }

  /// NumPy's `dtype.name`: `uint8`, `float64`, `int32` (for `>i4` too),
  /// `bytes48`, `object`.
  var numpyName: String {
    switch dataType.kind {
    case .float: return "float\(dataType.size * 8)"
    case .signedInteger: return "int\(dataType.size * 8)"
    case .unsignedInteger: return "uint\(dataType.size * 8)"
    case .fixedString: return "bytes\(dataType.size * 8)"
    default: return dataType.name
    }
  }

  var itemSize: Int { dataType.kind == .variableString ? 8 : dataType.size }

  override func repr() throws -> String {
    let text = dataType.name
    switch dataType.kind {
    // h5py gives its half floats an explicit byte order, which NumPy shows.
    case .float where dataType.size == 2: return "dtype('\(dataType.descriptor)')"
    case .fixedString: return "dtype('S\(dataType.size)')"
    case .variableString: return "dtype('O')"
    default: return "dtype('\(text)')"
    }
  }

  override func str() throws -> String { dataType.name }

  override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard op == .equal || op == .notEqual else { return nil }
    var same = false
    if let dtype = other.object(as: H5pyDType.self) {
      same = dtype.dataType == dataType
    } else if let wanted = H5pyValues.numpyName(other) {
      // By NumPy's name, so that an int8 dataset equals 'i1' but not the
      // int32 its arrays widen to; one-byte types have no byte order.
      same =
        wanted.name == numpyName
        && (wanted.bigEndian == dataType.isBigEndian || dataType.size == 1)
    }
    return .bool(op == .equal ? same : !same)
  }

  override func hashKey() throws -> AnyHashable? { AnyHashable(dataType.name) }
}
