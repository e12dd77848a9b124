import DataFiles
import Language
import Tensors

/// `h5py.Group`: a group of an open file, indexed by member name.
class H5pyGroup: PyObject {
  let group: HDF5Group

  init(_ group: HDF5Group) { self.group = group }

  override var type: PyType { Self.groupType }
  static let groupType = PyType("Group", doc: "A group of an HDF5 file.") { t in
    declareGroupMembers(t)
  }

  /// The members File and Group share.
  static func declareGroupMembers(_ t: PyType) {
    t.property("name") { (g: H5pyGroup) in .string(g.group.path) }
    t.property("attrs") { (g: H5pyGroup) in .object(H5pyAttributes(g.group.attributes)) }
    t.property("file") { (g: H5pyGroup) in .object(H5pyFile.wrapping(g.group.file)) }
    t.method("keys") { (g: H5pyGroup, args) in
      _ = try args.bind("keys()")
      return .object(H5pyView(g, kind: .keys))
    }
    t.method("values") { (g: H5pyGroup, args) in
      _ = try args.bind("values()")
      return .object(H5pyView(g, kind: .values))
    }
    t.method("items") { (g: H5pyGroup, args) in
      _ = try args.bind("items()")
      return .object(H5pyView(g, kind: .items))
    }
    t.method("get") { (g: H5pyGroup, args) in
      let a = try args.bind("get(name, default=None)")
      let name = try a.string("name")
      guard try g.group.contains(name) else { return a["default"] ?? .none }
      return try g.member(name)
    }
    t.method("create_group") { (g: H5pyGroup, args) in
      let a = try args.bind("create_group(name, track_order=None)")
      return .object(H5pyGroup(try g.group.createGroup(try a.string("name"))))
    }
    t.method("require_group") { (g: H5pyGroup, args) in
      let a = try args.bind("require_group(name)")
      return .object(H5pyGroup(try g.group.requireGroup(try a.string("name"))))
    }
    t.method("create_dataset") { (g: H5pyGroup, args) in
      try g.createDataset(args)
    }
  }

  /// The member at `name` as a Group or Dataset object.
  func member(_ name: String) throws -> Value {
    switch try group.node(name) {
    case .group(let child): return .object(H5pyGroup(child))
    case .dataset(let dataset): return .object(H5pyDataset(dataset))
    }
  }

  private func createDataset(_ args: Arguments) throws -> Value {
    let a = try args.bind(
      "create_dataset(name, shape=None, dtype=None, data=None, *, chunks=None,"
        + " compression=None, compression_opts=None, shuffle=None, fillvalue=None,"
        + " maxshape=None, track_order=None)")
    let name = try a.string("name")
    if a.optional("maxshape") != nil {
      // TODO: resizable datasets (maxshape) need chunked extents; not supported yet.
      throw PyError.valueError("create_dataset(): maxshape (resizable datasets) is not supported")
    }
    var options = HDF5StorageOptions()
    if let chunks = a.optional("chunks") {
      if case .bool(let flag) = chunks {
        options.autoChunks = flag
      } else {
        options.chunks = try Self.shape(chunks, what: "create_dataset() argument 'chunks'")
      }
    }
    options.gzipLevel = try Self.compression(a)
    options.shuffle = try a.bool("shuffle", default: false)
    let dtype = try H5pyValues.dtype(a.optional("dtype"))
    let shape = try a.optional("shape").map {
      try Self.shape($0, what: "create_dataset() argument 'shape'")
    }
    guard let dataValue = a.optional("data") else {
      guard let shape else {
        throw PyError.typeError("create_dataset() needs shape= or data=")
      }
      let dataset = try group.createDataset(
        name, shape: shape, dtype: dtype ?? .float32, options: options)
      if let fill = a.optional("fillvalue") {
        let value = try fill.asDouble(context: "create_dataset() argument 'fillvalue'")
        try dataset.write(NDArray(scalar: value), [])
      }
      return .object(H5pyDataset(dataset))
    }
    var data = try H5pyValues.data(dataValue, what: "create_dataset() argument 'data'")
    if case .array(let array) = data {
      var converted = array
      if let dtype, dtype != array.dtype { converted = try array.contiguous(as: dtype) }
      if let shape, shape != converted.shape {
        guard shape.reduce(1, *) == converted.count else {
          throw PyError.valueError(
            "Shape tuple is incompatible with data: \(formatShape(shape)) for"
              + " \(formatShape(converted.shape))")
        }
        converted = try NDArray(converted.values(as: Double.self), shape: shape)
          .contiguous(as: converted.dtype)
      }
      data = .array(converted)
    }
    return .object(H5pyDataset(try group.createDataset(name, data: data, options: options)))
  }

  private static func compression(_ a: BoundArguments) throws -> Int? {
    let level = try a.optional("compression_opts").map {
      try $0.asInt(context: "create_dataset() argument 'compression_opts'")
    }
    guard let compression = a.optional("compression") else {
      return nil
    }
    switch compression {
    case .string("gzip"): return level ?? 4
    case .int(let number): return number
    case .string(let other):
      throw PyError.valueError(
        "Compression filter \"\(other)\" is unavailable; mlscript writes \"gzip\"")
    default:
      throw PyError.typeError("create_dataset() argument 'compression' must be 'gzip' or 0-9")
    }
  }

  /// A shape given as an int or a tuple / list of ints.
  static func shape(_ value: Value, what: String) throws -> [Int] {
    if case .int(let length) = value { return [length] }
    if let tuple = value.object(as: PyTuple.self) {
      return try tuple.items.map { try $0.asInt(context: what) }
    }
    if let list = value.object(as: PyList.self) {
      return try list.items.map { try $0.asInt(context: what) }
    }
    return [try value.asInt(context: what)]
  }

  override func item(_ key: Value) throws -> Value {
    guard case .string(let name) = key else {
      throw PyError.typeError(
        "Accessing a group is done with bytes or str, not \(key.typeName)")
    }
    return try member(name)
  }

  override func setItem(_ key: Value, _ value: Value) throws {
    guard case .string(let name) = key else {
      throw PyError.typeError("group member names must be str, not \(key.typeName)")
    }
    let data = try H5pyValues.data(value, what: "the value stored as '\(name)'")
    try group.createDataset(name, data: data)
  }

  override func deleteItem(_ key: Value) throws {
    guard case .string(let name) = key else {
      throw PyError.typeError("group member names must be str, not \(key.typeName)")
    }
    try group.delete(name)
  }

  override func contains(_ value: Value) throws -> Bool {
    guard case .string(let name) = value else { return false }
    return try group.contains(name)
  }

  override func length() throws -> Int { try group.keys().count }

  override func makeIterator() throws -> PyIterator {
    ArrayIterator(try group.keys().map(Value.string))
  }

  override func isTruthy() throws -> Bool { group.file.isOpen }

  override func repr() throws -> String {
    guard group.file.isOpen else { return "<Closed HDF5 group>" }
    let count = try group.keys().count
    return "<HDF5 group \"\(group.path)\" (\(count) members)>"
  }

  override func hashKey() throws -> AnyHashable? {
    AnyHashable("\(ObjectIdentifier(group.file).hashValue)\(group.path)")
  }

  override func compare(_ op: ComparisonOperator, _ other: Value) throws -> Value? {
    guard op == .equal || op == .notEqual, let group = other.object(as: H5pyGroup.self) else {
      return try super.compare(op, other)
    }
    let same = group.group.file === self.group.file && group.group.path == self.group.path
    return .bool(op == .equal ? same : !same)
  }
}

/// `h5py.File`: an open file, which is also its root group; usable in
/// `with`, closed on exit.
final class H5pyFile: H5pyGroup {
  let file: HDF5File

  init(_ file: HDF5File) {
    self.file = file
    super.init(file.root)
  }

  /// The File object for `file`, reusing the one that opened it.
  static func wrapping(_ file: HDF5File) -> H5pyFile {
    H5pyFile(file)
  }

  override var type: PyType { Self.fileType }
  static let fileType = PyType("File", doc: "An HDF5 file opened with h5py.File(name, mode).") {
    t in
    declareGroupMembers(t)
    t.property("filename") { (f: H5pyFile) in .string(f.file.path) }
    t.property("mode") { (f: H5pyFile) in
      guard f.file.isOpen else {
        throw PyError.valueError("Not a location (invalid file ID): the file is closed")
      }
      return .string(f.file.isWritable ? "r+" : "r")
    }
    t.method("close") { (f: H5pyFile, args) in
      _ = try args.bind("close()")
      try f.file.close()
      return .none
    }
    t.method("flush") { (f: H5pyFile, args) in
      _ = try args.bind("flush()")
      return .none
    }
    t.method("__enter__") { (f: H5pyFile, args) in try f.enter() }
    t.method("__exit__") { (f: H5pyFile, args) in
      try f.exit()
      return .bool(false)
    }
  }

  override func enter() throws -> Value {
    guard file.isOpen else {
      throw PyError.valueError("cannot enter a closed HDF5 file ('\(file.path)')")
    }
    return .object(self)
  }

  override func exit() throws { try file.close() }

  override func repr() throws -> String {
    guard file.isOpen else { return "<Closed HDF5 file>" }
    return "<HDF5 file \"\(file.displayName)\" (mode \(file.isWritable ? "r+" : "r"))>"
  }
}
