import DataFiles
import Language
import Tensors

/// `h5py.Dataset`: reads only what its index selects.
final class H5pyDataset: PyObject {
  let dataset: HDF5Dataset

  init(_ dataset: HDF5Dataset) { self.dataset = dataset }

  override var type: PyType { Self.pyType }
  static let pyType = PyType("Dataset", doc: "A dataset of an HDF5 file; index it to read.") {
    t in
    t.property("shape") { (d: H5pyDataset) in .tuple(d.dataset.shape.map(Value.int)) }
    t.property("dtype") { (d: H5pyDataset) in .object(H5pyDType(d.dataset.dataType)) }
    t.property("ndim") { (d: H5pyDataset) in .int(d.dataset.shape.count) }
    t.property("size") { (d: H5pyDataset) in .int(d.dataset.count) }
    t.property("nbytes") { (d: H5pyDataset) in
      .int(
        d.dataset.count.multipliedReportingOverflow(by: H5pyDType(d.dataset.dataType).itemSize)
          .partialValue)
    }
    t.property("name") { (d: H5pyDataset) in .string(d.dataset.path) }
    t.property("attrs") { (d: H5pyDataset) in .object(H5pyAttributes(d.dataset.attributes)) }
    t.property("file") { (d: H5pyDataset) in .object(H5pyFile.wrapping(d.dataset.file)) }
    t.property("chunks") { (d: H5pyDataset) in
      d.dataset.chunks.map { .tuple($0.map(Value.int)) } ?? .none
    }
    t.property("compression") { (d: H5pyDataset) in
      d.dataset.compression.map(Value.string) ?? .none
    }
    t.method("len") { (d: H5pyDataset, args) in
      _ = try args.bind("len()")
      return .int(try d.length())
    }
    t.method("read") { (d: H5pyDataset, args) in
      _ = try args.bind("read()")
      return H5pyValues.value(try d.dataset.read())
    }
  }

  /// Turns an index (`()`, `:`, `...`, `i`, `a:b:c` or a tuple of them)
  /// into a selection.
  static func selection(_ key: Value) throws -> [HDF5Index] {
    if let tuple = key.object(as: PyTuple.self) { return try tuple.items.map(axis) }
    return [try axis(key)]
  }

  private static func axis(_ key: Value) throws -> HDF5Index {
    switch key {
    case .int(let position): return .index(position)
    case .bool:
      throw PyError.typeError("boolean indices are not supported for datasets")
    case .none:
      // TODO: np.newaxis in a dataset index; h5py refuses it too.
      throw PyError.typeError("None (np.newaxis) cannot index an HDF5 dataset")
    case .object(let object):
      switch object.type.name {
      case "slice":
        func bound(_ name: String) throws -> Int? {
          guard let value = try object.attribute(name), !value.isNone else { return nil }
          return try value.asInt(context: "slice \(name)")
        }
        return .slice(start: try bound("start"), stop: try bound("stop"), step: try bound("step"))
      case "ellipsis":
        return .ellipsis
      default:
        if object is IntegerConvertible { return .index(try key.asInt()) }
      }
    default: break
    }
    // TODO: h5py also reads increasing lists of indices; read the array first for now.
    throw PyError.typeError(
      "a dataset takes integers, slices and ... as indices, not \(key.typeName);"
        + " read it first (ds[:]) to index it with lists or arrays")
  }

  override func item(_ key: Value) throws -> Value {
    let selection = try Self.selection(key)
    return H5pyValues.value(try dataset.read(selection))
  }

  override func setItem(_ key: Value, _ value: Value) throws {
    let selection = try Self.selection(key)
    let data = try H5pyValues.data(value, what: "the value written")
    try dataset.write(try data.asArray("the value written"), selection)
  }

  override func length() throws -> Int {
    guard let first = dataset.shape.first else {
      throw PyError.typeError("Attempt to take len() of scalar dataset")
    }
    return first
  }

  override func makeIterator() throws -> PyIterator {
    let rows = try length()
    return RowIterator(self, rows: rows)
  }

  private final class RowIterator: PyIterator {
    let owner: H5pyDataset
    let rows: Int
    var position = 0

    init(_ owner: H5pyDataset, rows: Int) {
      self.owner = owner
      self.rows = rows
    }

    func next() throws -> Value? {
      guard position < rows else { return nil }
      defer { position += 1 }
      return H5pyValues.value(try owner.dataset.read([.index(position)]))
    }
  }

  override func isTruthy() throws -> Bool { dataset.file.isOpen }

  override func repr() throws -> String {
    guard dataset.file.isOpen else { return "<Closed HDF5 dataset>" }
    let shape = formatShape(dataset.shape)
    return "<HDF5 dataset \"\(dataset.baseName)\": shape \(shape),"
      + " type \"\(dataset.dataType.descriptor)\">"
  }
}
