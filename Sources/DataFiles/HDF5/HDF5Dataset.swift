import CHDF5
import Foundation
import Tensors

/// One axis of a selection, as h5py's `ds[...]` takes them.
public enum HDF5Index: Sendable, Equatable {
  /// A single position; the axis is dropped from the result.
  case index(Int)
  /// `start:stop:step`, with Python's defaults and negative positions.
  case slice(start: Int?, stop: Int?, step: Int?)
  /// `...`: as many whole axes as the other indices leave.
  case ellipsis

  /// `:`, a whole axis.
  public static let all = HDF5Index.slice(start: nil, stop: nil, step: nil)
}

/// A dataset of an open file: its shape and type are read once; the data
/// is read on request, whole or a hyperslab at a time.
public final class HDF5Dataset {
  /// The file it lives in.
  public let file: HDF5File
  /// Its absolute path, h5py's `name`: `/train/x`.
  public let path: String
  /// Its shape; `[]` for a scalar.
  public let shape: [Int]
  /// Its element type in the file.
  public let dataType: HDF5DataType
  /// The chunk shape, or nil when stored contiguously.
  public let chunks: [Int]?
  /// `gzip` when deflate-compressed, else nil.
  public let compression: String?

  init(file: HDF5File, path: String, id: hid_t) throws {
    self.file = file
    self.path = path
    let dataset = H5Dopen2(id, path, HDF5Library.defaultProperties)
    guard dataset >= 0 else {
      throw DataFileError(
        "OSError", HDF5Library.failure("Unable to open dataset '\(path)' in '\(file.path)'"))
    }
    defer { H5Dclose(dataset) }
    let type = H5Dget_type(dataset)
    let space = H5Dget_space(dataset)
    defer {
      if type >= 0 { H5Tclose(type) }
      if space >= 0 { H5Sclose(space) }
    }
    guard type >= 0, space >= 0 else {
      throw DataFileError(
        "OSError", HDF5Library.failure("Unable to read dataset '\(path)' in '\(file.path)'"))
    }
    dataType = HDF5DataType.describe(type)
    shape = try HDF5Elements.shape(ofSpace: space, what: "dataset '\(path)'")
    (chunks, compression) = Self.layout(dataset, rank: shape.count)
  }

  private static func layout(_ dataset: hid_t, rank: Int) -> ([Int]?, String?) {
    let properties = H5Dget_create_plist(dataset)
    guard properties >= 0 else { return (nil, nil) }
    defer { H5Pclose(properties) }
    var chunks: [Int]? = nil
    if rank > 0, H5Pget_layout(properties) == H5D_CHUNKED {
      var dims = [hsize_t](repeating: 0, count: rank)
      if H5Pget_chunk(properties, Int32(rank), &dims) == Int32(rank) {
        chunks = dims.map { Int(clamping: $0) }
      }
    }
    var compression: String? = nil
    let filters = H5Pget_nfilters(properties)
    if filters > 0 {
      for index in 0..<filters {
        var flags: UInt32 = 0
        var count = 0
        var config: UInt32 = 0
        let filter = H5Pget_filter2(
          properties, UInt32(index), &flags, &count, nil, 0, nil, &config)
        if filter == H5Z_FILTER_DEFLATE { compression = "gzip" }
      }
    }
    return (chunks, compression)
  }

  /// The element count (saturating at Int.max for absurd shapes).
  public var count: Int {
    shape.reduce(1) { total, length in
      let (product, overflow) = total.multipliedReportingOverflow(by: length)
      return overflow ? Int.max : product
    }
  }

  /// The dataset's attributes.
  public var attributes: HDF5Attributes { HDF5Attributes(file: file, path: path) }

  /// The last part of its path: `x`.
  public var baseName: String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Reads the whole dataset.
  public func read() throws -> HDF5Data { try read([]) }

  /// Reads the selected hyperslab only: integer indices drop their axis,
  /// slices keep it, as NumPy and h5py do.
  public func read(_ selection: [HDF5Index]) throws -> HDF5Data {
    let plan = try Hyperslab(selection, shape: shape, what: "dataset \"\(baseName)\"")
    let what = "dataset '\(path)' of '\(file.path)'"
    return try file.withOpenFile("dataset \"\(baseName)\"") { id in
      let dataset = H5Dopen2(id, path, HDF5Library.defaultProperties)
      guard dataset >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to open \(what)"))
      }
      defer { H5Dclose(dataset) }
      let fileType = H5Dget_type(dataset)
      guard fileType >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
      }
      defer { H5Tclose(fileType) }
      guard plan.counts.allSatisfy({ $0 > 0 }) else {
        return try HDF5Elements.read(
          dataType, fileType: fileType, shape: plan.resultShape, what: what,
          reclaimSpace: { -1 }, { _, _ in 0 })
      }
      let (fileSpace, memorySpace) = try plan.spaces(dataset, what: what)
      defer {
        H5Sclose(fileSpace)
        H5Sclose(memorySpace)
      }
      return try HDF5Elements.read(
        dataType, fileType: fileType, shape: plan.resultShape, what: what,
        reclaimSpace: { H5Scopy(memorySpace) }
      ) { memoryType, buffer in
        H5Dread(
          dataset, memoryType, memorySpace, fileSpace, HDF5Library.defaultProperties, buffer)
      }
    }
  }

  /// Reads the selection as an array; TypeError for string datasets.
  public func readArray(_ selection: [HDF5Index] = []) throws -> NDArray {
    try read(selection).asArray("dataset \"\(baseName)\" of '\(file.path)'")
  }

  /// Writes `data` into the selected hyperslab (`ds[a:b] = data`); a
  /// single value fills the whole selection.
  public func write(_ data: NDArray, _ selection: [HDF5Index] = []) throws {
    try file.requireWritable("write to dataset \"\(baseName)\"")
    guard dataType.arrayDType != nil else {
      throw DataFileError(
        "TypeError", "dataset \"\(baseName)\" holds \(dataType.name) elements, not numbers")
    }
    let plan = try Hyperslab(selection, shape: shape, what: "dataset \"\(baseName)\"")
    let wanted = try HDF5Elements.countOf(plan.counts, what: "the selection")
    var source = data
    if data.count == 1 && wanted != 1 {
      let value = data.values(as: Double.self).first ?? 0
      source = try Self.filled(value, count: wanted, dtype: data.dtype)
    }
    guard source.count == wanted else {
      throw DataFileError(
        "TypeError",
        "Can't broadcast \(formatShape(data.shape)) -> \(formatShape(plan.resultShape))")
    }
    guard wanted > 0 else { return }
    let what = "dataset '\(path)' of '\(file.path)'"
    try file.withOpenFile("dataset \"\(baseName)\"") { id in
      let dataset = H5Dopen2(id, path, HDF5Library.defaultProperties)
      guard dataset >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to open \(what)"))
      }
      defer { H5Dclose(dataset) }
      let (fileSpace, memorySpace) = try plan.spaces(dataset, what: what)
      defer {
        H5Sclose(fileSpace)
        H5Sclose(memorySpace)
      }
      let status = try HDF5Elements.withWritable(.array(source)) { memoryType, buffer in
        H5Dwrite(
          dataset, memoryType, memorySpace, fileSpace, HDF5Library.defaultProperties, buffer)
      }
      guard status >= 0 else {
        file.writeFailed = true
        throw DataFileError("OSError", HDF5Library.failure("Unable to write \(what)"))
      }
    }
  }

  private static func filled(_ value: Double, count: Int, dtype: DType) throws -> NDArray {
    switch dtype {
    case .bool: return try NDArray([Bool](repeating: value != 0, count: count), shape: [count])
    case .uint8:
      return try NDArray(
        [UInt8](repeating: UInt8(castingFrom: value), count: count), shape: [count])
    case .int32:
      return try NDArray(
        [Int32](repeating: Int32(castingFrom: value), count: count), shape: [count])
    case .int64:
      return try NDArray(
        [Int64](repeating: Int64(castingFrom: value), count: count), shape: [count])
    case .float32:
      return try NDArray([Float](repeating: Float(value), count: count), shape: [count])
    case .float64: return try NDArray([Double](repeating: value, count: count), shape: [count])
    }
  }
}

/// A selection turned into HDF5's start / stride / count per axis.
struct Hyperslab {
  var starts: [hsize_t] = []
  var strides: [hsize_t] = []
  var counts: [Int] = []
  /// The result's shape: counts without the axes integers dropped.
  var resultShape: [Int] = []
  let isScalar: Bool

  init(_ selection: [HDF5Index], shape: [Int], what: String) throws {
    isScalar = shape.isEmpty
    let ellipses = selection.filter { $0 == .ellipsis }.count
    guard ellipses <= 1 else {
      throw DataFileError("IndexError", "an index can only have a single ellipsis ('...')")
    }
    let explicit = selection.count - ellipses
    if shape.isEmpty {
      guard explicit == 0 else {
        throw DataFileError(
          "ValueError",
          "Illegal slicing argument for scalar dataspace: \(what) is a scalar;"
            + " read it with [()]")
      }
      return
    }
    guard explicit <= shape.count else {
      throw DataFileError(
        "IndexError",
        "too many indices for \(what): it is \(shape.count)-dimensional, but"
          + " \(explicit) were indexed")
    }
    var expanded: [HDF5Index] = []
    for index in selection {
      if index == .ellipsis {
        expanded += Array(repeating: .all, count: shape.count - explicit)
      } else {
        expanded.append(index)
      }
    }
    expanded += Array(repeating: .all, count: shape.count - expanded.count)
    for (axis, (index, length)) in zip(expanded, shape).enumerated() {
      switch index {
      case .index(let position):
        let resolved = position < 0 ? position + length : position
        guard resolved >= 0, resolved < length else {
          throw DataFileError(
            "IndexError",
            "index \(position) is out of range for axis \(axis) of \(what) with size \(length)")
        }
        starts.append(hsize_t(resolved))
        strides.append(1)
        counts.append(1)
      case .slice(let start, let stop, let step):
        let step = step ?? 1
        guard step != 0 else { throw DataFileError("ValueError", "slice step cannot be zero") }
        guard step > 0 else {
          throw DataFileError(
            "ValueError", "Step must be >= 1 (got \(step)): HDF5 reads only increasing slices")
        }
        let first = Self.clamp(start ?? 0, length)
        let end = Self.clamp(stop ?? length, length)
        let count = end > first ? (end - first - 1) / step + 1 : 0
        starts.append(hsize_t(first))
        strides.append(hsize_t(step))
        counts.append(count)
        resultShape.append(count)
      case .ellipsis:
        break
      }
    }
  }

  private static func clamp(_ position: Int, _ length: Int) -> Int {
    if position < 0 { return max(position + length, 0) }
    return min(position, length)
  }

  /// The file and memory dataspaces for this selection; the caller
  /// closes both.
  func spaces(_ dataset: hid_t, what: String) throws -> (hid_t, hid_t) {
    let fileSpace = H5Dget_space(dataset)
    guard fileSpace >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
    }
    if isScalar { return (fileSpace, H5Screate(H5S_SCALAR)) }
    let sizes = counts.map { hsize_t($0) }
    let status = H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, starts, strides, sizes, nil)
    guard status >= 0 else {
      H5Sclose(fileSpace)
      throw DataFileError("OSError", HDF5Library.failure("Unable to select from \(what)"))
    }
    return (fileSpace, H5Screate_simple(Int32(sizes.count), sizes, nil))
  }
}
